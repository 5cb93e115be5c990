import type { HttpTransport } from '../adapters.js';
import { missingTransport } from '../adapters.js';
import { applyContext, createContext, type ContextChanges, type ContextPatch, type GuideContext } from '../context/context.js';
import { roleOfUser } from '../context/roles.js';
import type { Decision } from '../fatigue/decisions.js';
import { resolvePolicy, type FatiguePolicy } from '../fatigue/policy.js';
import { checkPopulation, relevantSubgroups, type PopulationCheck, type RelevantSubgroup } from '../models/explain.js';
import type { ModelCard } from '../models/model-card.js';
import { sitePrevalences } from '../models/prevalence.js';
import type { LoadedItem, PackLoadResult } from '../packs/load-pack.js';
import { localizeItem } from '../packs/translations.js';
import { guidanceFor, localizeGuidance, type AiContentGuidance } from '../ai-content/guidance.js';
import type { Proficiency } from '../packs/schema.js';
import type { ItemProgress, TourPosition } from '../progress/progress.js';
import type { ConditionResult } from '../triggers/evaluator.js';
import { ProgressStore } from '../progress/progress-store.js';
import type { AiFeedback, XapiStatement } from '../records/statements.js';
import { ConditionCache, evaluationData } from './conditions.js';
import { EvaluationLoop } from './evaluation-loop.js';
import { ExposureTracker, REMOUNT_GRACE_MS } from './exposure.js';
import type { EvaluationResult, GuideApi } from './guide-api.js';
import type { EngineProblem } from './problems.js';
import { inferProficiency } from './proficiency.js';
import { Recorder } from './recorder.js';
import { Activity } from './activity.js';
import type { EngineOptions } from './options.js';
import { PackRegistry } from './registry.js';

export type { EngineProblem } from './problems.js';
export type { EvaluationResult, GuideApi } from './guide-api.js';
export type { EngineOptions } from './options.js';

/**
 * Decides what guidance to show to whom and when: packs in, context in, decisions out. DOM-free; `<ehr-guide>`
 * wraps it and hands elements its narrow `GuideApi`. It composes a pack registry, a condition cache, an exposure
 * tracker, a recorder of learning records and the progress store; every decision is explainable (`explain()`).
 */
export class GuideEngine implements GuideApi {
  readonly progress: ProgressStore;
  readonly packs: PackRegistry;
  readonly #conditions: ConditionCache;
  readonly #exposure: ExposureTracker;
  readonly #recorder: Recorder;
  /** What the clinician did (shown, dismissed, finished, feedback): progress, learning records, re-evaluation. */
  readonly #activity: Activity;
  readonly #transport: HttpTransport;
  readonly #now: () => number;
  #policy: FatiguePolicy;
  #context: GuideContext = createContext();
  #prevalence = new Map<string, number>();
  readonly #loop: EvaluationLoop;

  constructor(private readonly options: EngineOptions) {
    this.#policy = resolvePolicy(options.policy);
    this.#now = options.now ?? Date.now;
    const problem = (p: EngineProblem) => this.#problem(p);
    this.#transport = options.transport ?? missingTransport('pack loading');
    this.progress = new ProgressStore(options.learnerId, options.sessionId, options.storage, (message) => problem({ code: 'storage', message }));
    this.packs = new PackRegistry(() => this.#loop.schedule(), problem);
    this.#conditions = new ConditionCache(options.createEvaluator, problem, () => this.packs.valueSetMembers, () => this.packs.readShape);
    this.#exposure = new ExposureTracker(this.#now);
    this.#loop = new EvaluationLoop({
      items: () => this.packs.items,
      context: () => this.#context,
      effectiveContext: () => {
        const role = this.role;
        return role === this.#context.role ? this.#context : { ...this.#context, role };
      },
      proficiency: () => this.proficiency,
      policy: () => this.#policy,
      now: this.#now,
      progress: this.progress,
      conditions: this.#conditions,
      exposure: this.#exposure,
      onProblem: problem,
    });
    this.#recorder = new Recorder({ ...options, storage: options.recordStorage, transport: options.transport, role: () => this.role ?? undefined }, problem);
    this.#activity = new Activity({ item: (id) => this.packs.item(id), items: () => this.packs.items, exposure: this.#exposure, progress: this.progress, recorder: this.#recorder, loop: this.#loop, now: this.#now, policy: () => this.#policy, locale: () => this.#context.locale });
  }

  /** Learning records (xAPI) on their way to the LRS; `records.config` sets or changes the LRS. */
  get records() {
    return this.#recorder.records;
  }

  /** The xAPI account home page for learners (the health system's URL). */
  get learnerHomePage(): string | undefined {
    return this.#recorder.learnerHomePage;
  }

  set learnerHomePage(url: string | undefined) {
    this.#recorder.learnerHomePage = url;
  }

  /** Since 0.2 the exposure module's constant; kept here for callers of 0.1. */
  static readonly REMOUNT_GRACE_MS = REMOUNT_GRACE_MS;

  // ——— Settings ———

  /** This site's prevalence per model (id → proportion, 0 < p < 1); an invalid entry throws a RangeError naming it. */
  setLocalPrevalence(byModel: Readonly<Record<string, number>>): void {
    this.#prevalence = sitePrevalences(byModel);
    this.#loop.schedule();
  }

  localPrevalence(modelId: string): number | undefined {
    return this.#prevalence.get(modelId);
  }

  get policy(): FatiguePolicy {
    return this.#policy;
  }

  /** Changes the fatigue policy (validated; an invalid setting throws a RangeError naming it). */
  setPolicy(patch: Partial<FatiguePolicy>): void {
    this.#policy = resolvePolicy(patch);
    this.#loop.schedule();
  }

  // ——— Packs (the registry) ———

  addPack(json: unknown, source = 'pack'): PackLoadResult {
    return this.packs.add(json, source);
  }

  addPackInSlices(json: unknown, source = 'pack'): Promise<PackLoadResult> {
    return this.packs.addInSlices(json, source);
  }

  /** Fetches and adds packs through the engine's transport; a pack that fails to load is reported, the others load. */
  loadPacks(urls: readonly string[]): Promise<PackLoadResult[]> {
    const base = this.options.baseUrl;
    // Relative pack URLs resolve against the page; problems name each pack as the host wrote it.
    const resolve = (url: string) => (base ? new URL(url, base).href : url);
    const transport: HttpTransport = (request) => this.#transport({ ...request, url: resolve(request.url) });
    return this.packs.load(urls, transport, resolve);
  }

  removePack(id: string): void {
    this.packs.remove(id);
  }

  get ready(): Promise<void> {
    return this.packs.ready;
  }

  get items(): readonly LoadedItem[] {
    return this.packs.items;
  }

  /** The item in the clinician's language (its best translation for the context's locale). */
  item(id: string): LoadedItem | undefined {
    const item = this.packs.item(id);
    return item && localizeItem(item, this.#context.locale);
  }

  modelCard(id: string): ModelCard | undefined {
    return this.packs.modelCard(id);
  }

  aiContentGuidance(resourceType: string, kinds: readonly string[] = []): AiContentGuidance[] {
    return guidanceFor(this.packs.aiContentGuidance, resourceType, kinds).map((g) => localizeGuidance(g, this.#context.locale));
  }

  get modelCards(): ModelCard[] {
    return this.packs.modelCards;
  }

  get requiredResourceTypes(): string[] {
    return this.packs.requiredResourceTypes;
  }

  // ——— Context ———

  get context(): GuideContext {
    return this.#context;
  }

  /** Applies a change of context and schedules a re-evaluation. Returns the parts that changed. */
  setContext(patch: ContextPatch): ContextChanges {
    const { context, changes } = applyContext(this.#context, patch);
    this.#context = context;
    // A first visit to a screen is kept (for onboarding items with `when.firstVisit`); only the screen id and when.
    if (changes.has('workflow') && context.workflow) {
      void this.progress.recordVisit(context.workflow, this.#now());
      void this.#activity.workflowReached(context.workflow);
    }
    if (changes.size) this.#loop.schedule();
    return changes;
  }

  /**
   * The role in force: the host's, else derived from the user (`fhirUser`): their PractitionerRole(s), else their
   * Practitioner's qualification, else the kind of user (see `roleOfUser`).
   */
  get role(): GuideContext['role'] {
    if (this.#context.role) return this.#context.role;
    return roleOfUser(this.#context.user, this.#context.resources.PractitionerRole ?? []).role;
  }

  /** The proficiency in force: the host's, or inferred from progress (lessons passed, tips seen). */
  get proficiency(): Proficiency {
    return this.#context.proficiency ?? inferProficiency(this.progress.summary());
  }

  itemProgress(itemId: string): ItemProgress | undefined {
    const item = this.packs.item(itemId);
    return item ? this.progress.item(item.id, item.version) : undefined;
  }

  // ——— Models ———

  checkPopulation(card: ModelCard): Promise<PopulationCheck> {
    return checkPopulation(card, this.#cardData(card), this.#conditions.evaluator);
  }

  relevantSubgroups(card: ModelCard): Promise<RelevantSubgroup[]> {
    return relevantSubgroups(card, this.#cardData(card), this.#conditions.evaluator);
  }

  #cardData(card: ModelCard) {
    return evaluationData(this.#context, () => this.packs.valueSetMembers, this.packs.cardShape(card));
  }

  recordAiFeedback(feedback: AiFeedback, options: { language?: string } = {}): XapiStatement {
    return this.#activity.aiFeedback(feedback, options.language);
  }

  recordAiExplained(model: { modelId: string; modelName?: string; source: AiFeedback['source'] }): void {
    this.#activity.aiExplained(model);
  }

  // ——— Evaluation (the loop) ———

  subscribe(listener: (result: EvaluationResult) => void): () => void {
    return this.#loop.subscribe(listener);
  }

  /** Evaluates every item against the current context and notifies subscribers. */
  evaluate(): Promise<EvaluationResult> {
    return this.#loop.evaluate();
  }

  async relevantItems(): Promise<LoadedItem[]> {
    return (await this.#loop.relevantItems()).map((item) => localizeItem(item, this.#context.locale));
  }

  /** The debug API: the latest decision for each item, with the reason it is or is not shown. */
  async explain(): Promise<Decision[]> {
    return (await this.evaluate()).decisions;
  }

  decision(itemId: string): Decision | undefined {
    return this.#loop.decision(itemId);
  }

  // ——— What happened (called by elements) ———

  mount(itemId: string): () => void {
    return this.#activity.mount(itemId);
  }
  recordShown(itemId: string): Promise<void> {
    return this.#activity.shown(itemId);
  }
  recordHidden(itemId: string): void {
    this.#activity.hidden(itemId);
  }
  recordDismissed(itemId: string, permanent: boolean): Promise<void> {
    return this.#activity.dismissed(itemId, permanent);
  }
  snooze(itemId: string, minutes?: number): Promise<void> {
    return this.#activity.snooze(itemId, minutes);
  }
  recordLesson(itemId: string, result: { score: number; passed: boolean; durationMs: number }): Promise<void> {
    return this.#activity.lesson(itemId, result);
  }
  recordTour(itemId: string, durationMs: number): Promise<void> {
    return this.#activity.tour(itemId, durationMs);
  }
  /** A checklist's task done (ticked, or reported by the host); throws a RangeError for an entry that is no task. */
  markChecklistEntry(checklistId: string, entryId: string): Promise<void> {
    return this.#activity.checklistEntry(checklistId, entryId);
  }

  /** Where a checklist's tasks stand (entry id → when done). */
  checklistDone(checklistId: string): Readonly<Record<string, number>> {
    return this.#activity.checklistDone(checklistId);
  }

  /** Where a running tour stands (saved across screens and reloads); `undefined` when none is saved. */
  tourPosition(itemId: string): Readonly<TourPosition> | undefined {
    return this.#activity.tourPosition(itemId);
  }

  /** Keeps (or, with `undefined`, forgets) where a running tour stands. */
  saveTourPosition(itemId: string, position: Omit<TourPosition, 'version'> | undefined): Promise<void> {
    return this.#activity.saveTourPosition(itemId, position);
  }

  /** Evaluates one FHIRPath expression over the live context (a tour step's check); an error is a result, never thrown. */
  checkCondition(expression: string): Promise<ConditionResult> {
    return this.#conditions.check(expression, this.#context);
  }

  recordCompleted(itemId: string, score?: number, passed?: boolean): Promise<void> {
    return this.#activity.completed(itemId, score, passed);
  }
  resetDismissals(): Promise<void> {
    return this.#activity.resetDismissals();
  }

  dispose(): void {
    this.#conditions.dispose();
    this.#loop.dispose();
    this.#recorder.records.dispose();
  }

  #problem(problem: EngineProblem): void {
    try {
      this.options.onProblem?.(problem);
    } catch {
      // a host's problem handler must not break the engine
    }
  }
}
