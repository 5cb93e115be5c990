import { applyContext, createContext, type ContextChanges, type ContextPatch, type GuideContext } from '../context/context.js';
import type { Decision, SuppressReason } from '../fatigue/decisions.js';
import { resolvePolicy, type FatiguePolicy } from '../fatigue/policy.js';
import { loadPack, loadPackInSlices, type LoadedItem, type LoadedPack, type PackLoadResult, type PackProblem } from '../packs/load-pack.js';
import type { Proficiency } from '../packs/schema.js';
import type { ModelCard } from '../models/model-card.js';
import { dayOf } from '../progress/progress.js';
import { ProgressStore } from '../progress/progress-store.js';
import type { ProgressStorage } from '../progress/storage.js';
import { expressionDependencies } from '../triggers/dependencies.js';
import type { ConditionEvaluator, ConditionResult } from '../triggers/evaluator.js';
import { applyGuard, isIntrusive } from './guard.js';
import { prefilter } from './prefilter.js';
import { roleFromPractitionerRoles } from '../context/roles.js';
import { yieldToPage } from '../yield.js';
import { checkPopulation, relevantSubgroups, type PopulationCheck, type RelevantSubgroup } from '../models/explain.js';
import type { EvaluationData } from '../triggers/evaluator.js';
import { LearningRecords, type LrsConfig } from '../records/learning-records.js';
import { aiFeedbackStatement, lessonStatement, tourStatement, type AiFeedback, type XapiStatement } from '../records/statements.js';

export interface EngineOptions {
  /** Pseudonymous learner id (never a name, MRN or e-mail). */
  learnerId: string;
  /** One id per clinician session; per-session caps and the budget count within it. */
  sessionId: string;
  storage?: ProgressStorage;
  policy?: Partial<FatiguePolicy>;
  /** How FHIRPath runs; created lazily, only once a loaded pack has conditions. */
  createEvaluator?: () => ConditionEvaluator;
  /** The clock (tests pass a fake one). */
  now?: () => number;
  /** Problems for authors and integrators (bad packs, failing conditions, storage trouble). Never PHI. */
  onProblem?: (problem: EngineProblem) => void;
  /** The health system's LRS, where learning records and AI feedback go as xAPI statements. */
  lrs?: LrsConfig;
  /** The xAPI account home page for learners (the health system's URL); default: the page's origin. */
  learnerHomePage?: string;
}

export interface EngineProblem {
  code: 'pack-invalid' | 'pack-item-invalid' | 'pack-fetch-failed' | 'condition-error' | 'storage' | 'evaluator' | 'records';
  message: string;
  source?: string;
  itemId?: string;
  path?: string;
}

export interface EvaluationResult {
  decisions: Decision[];
  /** Decisions whose show/reason differs from the previous evaluation. */
  changed: Decision[];
  context: GuideContext;
}

type Listener = (result: EvaluationResult) => void;

const DEFAULT_PRIORITY = 50;

/**
 * Decides what guidance to show to whom and when: packs in, context in, decisions out. DOM-free; the
 * `<ehr-guide>` element wraps it. Every decision is explainable (`explain()`), and every change of context
 * re-evaluates only the FHIRPath whose inputs changed.
 */
export class GuideEngine {
  readonly progress: ProgressStore;
  #policy: FatiguePolicy;
  #context: GuideContext = createContext();
  #packs = new Map<string, LoadedPack>();
  #items = new Map<string, LoadedItem>();
  #evaluator?: ConditionEvaluator;
  #conditionCache = new Map<string, { key: string; result: ConditionResult }>();
  #dependencies = new Map<string, string[]>();
  #listeners = new Set<Listener>();
  #showing = new Set<string>();
  #mounted = new Map<string, number>();
  /** Items that just left the screen (id → when): a re-render that brings them straight back continues the showing. */
  #leaving = new Map<string, number>();
  #last = new Map<string, Decision>();
  #generation = 0;
  #scheduled?: Promise<EvaluationResult>;
  #latest?: Promise<EvaluationResult>;
  #reportedConditionErrors = new Set<string>();
  readonly #now: () => number;

  constructor(private readonly options: EngineOptions) {
    this.#policy = resolvePolicy(options.policy);
    this.#now = options.now ?? Date.now;
    this.progress = new ProgressStore(options.learnerId, options.sessionId, options.storage, (message) => this.#problem({ code: 'storage', message }));
    this.learnerHomePage = options.learnerHomePage;
    this.records = new LearningRecords({ config: options.lrs, onProblem: (message) => this.#problem({ code: 'records', message }) });
  }

  /** Learning records (xAPI) on their way to the LRS; `records.config` sets or changes the LRS. */
  readonly records: LearningRecords;
  /** The xAPI account home page for learners (the health system's URL); default: the page's origin. */
  learnerHomePage?: string;
  #prevalence = new Map<string, number>();

  /**
   * This site's prevalence of each model's outcome (model card id → proportion, 0 < p < 1), what explainers
   * recompute PPV with. Invalid entries throw a RangeError naming them; nothing is set then.
   */
  setLocalPrevalence(byModel: Readonly<Record<string, number>>): void {
    const next = new Map<string, number>();
    for (const [id, p] of Object.entries(byModel ?? {})) {
      if (typeof p !== 'number' || !(p > 0 && p < 1)) throw new RangeError(`local prevalence of "${id}" must be a proportion between 0 and 1 (0.05 for 5 %), got ${JSON.stringify(p)}`);
      next.set(id, p);
    }
    this.#prevalence = next;
    this.#schedule();
  }

  /** This site's prevalence for a model's outcome, when configured. */
  localPrevalence(modelId: string): number | undefined {
    return this.#prevalence.get(modelId);
  }

  /** The fatigue policy in force. */
  get policy(): FatiguePolicy {
    return this.#policy;
  }

  /** Changes the fatigue policy (validated; an invalid setting throws a RangeError naming it). */
  setPolicy(patch: Partial<FatiguePolicy>): void {
    this.#policy = resolvePolicy(patch);
    this.#schedule();
  }

  // ——— Packs ———

  /** Adds a parsed pack. Invalid items are skipped and reported; a later pack's item replaces an earlier one with the same id. */
  addPack(json: unknown, source = 'pack'): PackLoadResult {
    return this.#accept(loadPack(json, source), source);
  }

  /** Like addPack, validating in slices so a large pack never blocks the main thread (what loadPacks uses). */
  async addPackInSlices(json: unknown, source = 'pack'): Promise<PackLoadResult> {
    return this.#accept(await loadPackInSlices(json, source), source);
  }

  #accept(result: PackLoadResult, source: string): PackLoadResult {
    for (const error of result.errors) {
      this.#problem({ code: result.pack ? 'pack-item-invalid' : 'pack-invalid', message: `${source}: ${error.path}: ${error.message}`, source, itemId: error.itemId, path: error.path });
    }
    if (result.pack) {
      this.#packs.set(result.pack.id, result.pack);
      this.#rebuildItems();
      this.#schedule();
    }
    return result;
  }

  /** Fetches and adds packs (static JSON files on any CDN). A pack that fails to load is reported; the others load. */
  loadPacks(urls: readonly string[], fetchImpl: typeof fetch = fetch): Promise<PackLoadResult[]> {
    const loading = this.#loadPacks(urls, fetchImpl);
    const previous = this.#ready;
    this.#ready = Promise.all([previous, loading]).then(() => undefined);
    return loading;
  }

  #ready: Promise<void> = Promise.resolve();

  /** Resolves once every `loadPacks()` started so far has settled: when "no such model card" is a real answer. */
  get ready(): Promise<void> {
    return this.#ready;
  }

  async #loadPacks(urls: readonly string[], fetchImpl: typeof fetch): Promise<PackLoadResult[]> {
    return Promise.all(
      urls.map(async (url) => {
        try {
          const response = await fetchImpl(url, { credentials: 'same-origin' });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return this.addPackInSlices(await response.json(), url);
        } catch (error) {
          const problem: PackProblem = { path: '$', message: `could not be loaded: ${(error as Error).message}` };
          this.#problem({ code: 'pack-fetch-failed', message: `${url}: ${problem.message}`, source: url });
          return { errors: [problem] };
        }
      }),
    );
  }

  removePack(id: string): void {
    if (this.#packs.delete(id)) {
      this.#rebuildItems();
      this.#schedule();
    }
  }

  #rebuildItems(): void {
    this.#items.clear();
    for (const pack of this.#packs.values()) for (const item of pack.items) this.#items.set(item.id, item);
  }

  get items(): readonly LoadedItem[] {
    return [...this.#items.values()];
  }

  item(id: string): LoadedItem | undefined {
    return this.#items.get(id);
  }

  /** A model card from the loaded packs, by id (a later pack's card replaces an earlier one). */
  modelCard(id: string): ModelCard | undefined {
    let found: ModelCard | undefined;
    for (const pack of this.#packs.values()) for (const card of pack.modelCards) if (card.id === id) found = card;
    return found;
  }

  /** Every model card of the loaded packs (a later pack's card replaces an earlier one with the same id). */
  get modelCards(): ModelCard[] {
    const cards = new Map<string, ModelCard>();
    for (const pack of this.#packs.values()) for (const card of pack.modelCards) cards.set(card.id, card);
    return [...cards.values()];
  }

  /** FHIR resource types the loaded packs' conditions and model cards' criteria read (what a SMART launch should fetch). */
  get requiredResourceTypes(): string[] {
    const types = new Set<string>();
    const add = (expr: string) => expressionDependencies(expr).resourceTypes.forEach((t) => types.add(t));
    for (const item of this.#items.values()) for (const expr of item.when?.conditions ?? []) add(expr);
    for (const card of this.modelCards) {
      card.population.criteria.forEach((c) => add(c.expression));
      card.subgroups?.forEach((s) => s.criterion && add(s.criterion));
    }
    return [...types].sort();
  }

  // ——— Models ———

  #evaluationData(): EvaluationData {
    const c = this.#context;
    return { patient: c.patient, encounter: c.encounter, user: c.user, resources: c.resources, versions: c.versions };
  }

  #conditionEvaluator(): ConditionEvaluator {
    this.#evaluator ??= (this.options.createEvaluator ?? (() => {
      throw new Error('no FHIRPath evaluator configured');
    }))();
    return this.#evaluator;
  }

  /** Checks the current patient against a card's intended population (FHIRPath, off the main thread). */
  checkPopulation(card: ModelCard): Promise<PopulationCheck> {
    return checkPopulation(card, this.#evaluationData(), this.#conditionEvaluator());
  }

  /** The card's subgroups the current patient belongs to. */
  relevantSubgroups(card: ModelCard): Promise<RelevantSubgroup[]> {
    return relevantSubgroups(card, this.#evaluationData(), this.#conditionEvaluator());
  }

  /** Records a clinician's feedback on an AI output as an xAPI statement (queued until the LRS takes it). */
  recordAiFeedback(feedback: AiFeedback, options: { language?: string } = {}): XapiStatement {
    return this.records.record(aiFeedbackStatement(feedback, this.#learner(), { language: options.language }));
  }

  /** The learner as learning records name them: the pseudonymous id under the health system's home page. */
  #learner(): { homePage: string; name: string } {
    return { homePage: this.learnerHomePage ?? globalThis.location?.origin ?? 'https://ehr-guide.dev', name: this.options.learnerId };
  }

  /** Queues a statement for the LRS; a statement that cannot be made is reported, never thrown at the page. */
  #recordStatement(what: string, make: () => XapiStatement): void {
    try {
      this.records.record(make());
    } catch (error) {
      this.#problem({ code: 'records', message: `the ${what}'s learning record was not made: ${(error as Error).message}` });
    }
  }

  // ——— Context ———

  get context(): GuideContext {
    return this.#context;
  }

  /** Applies a change of context and schedules a re-evaluation. Returns the parts that changed. */
  setContext(patch: ContextPatch): ContextChanges {
    const { context, changes } = applyContext(this.#context, patch);
    this.#context = context;
    if (changes.size) this.#schedule();
    return changes;
  }

  /**
   * The role in force: the host's, else derived from the user's PractitionerRole (the SMART `fhirUser`, or
   * PractitionerRole resources in the context).
   */
  get role(): GuideContext['role'] {
    if (this.#context.role) return this.#context.role;
    const candidates = [...(this.#context.resources.PractitionerRole ?? [])];
    if (this.#context.user?.resourceType === 'PractitionerRole') candidates.unshift(this.#context.user);
    return roleFromPractitionerRoles(candidates);
  }

  /** The proficiency in force: the host's, or inferred from progress (lessons passed, tips seen). */
  get proficiency(): Proficiency {
    if (this.#context.proficiency) return this.#context.proficiency;
    const { lessonsCompleted, itemsSeen } = this.progress.summary();
    if (lessonsCompleted >= 6 || itemsSeen >= 40) return 'advanced';
    if (lessonsCompleted >= 2 || itemsSeen >= 10) return 'intermediate';
    return 'novice';
  }

  // ——— Evaluation ———

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = Promise.resolve().then(async () => {
      this.#scheduled = undefined;
      return this.evaluate();
    });
    this.#scheduled.catch((error: Error) => this.#problem({ code: 'evaluator', message: `evaluation failed: ${error.message}` }));
  }

  /** Evaluates every item against the current context and notifies subscribers. */
  evaluate(): Promise<EvaluationResult> {
    const run = this.#run(++this.#generation);
    this.#latest = run;
    return run;
  }

  async #run(generation: number): Promise<EvaluationResult> {
    await this.progress.ready;
    // The engine's work never runs inside the host's task (a click, a render): it starts in a task of its own.
    await yieldToPage();
    if (generation !== this.#generation) return this.#latest!;
    const context = this.#context;
    const now = this.#now();
    const today = dayOf(now);
    const proficiency = this.proficiency;
    const role = this.role;
    const effective = role === context.role ? context : { ...context, role };
    const decisions: Decision[] = [];
    const candidates: Array<{ item: LoadedItem; decision: Decision }> = [];
    const needed = new Map<string, string>(); // expression → cache key
    for (const item of this.#items.values()) {
      const decision: Decision = { itemId: item.id, kind: item.kind, version: item.version, priority: item.priority ?? DEFAULT_PRIORITY, intrusive: isIntrusive(item), show: false };
      decisions.push(decision);
      const filtered = prefilter(item, effective, proficiency, today, this.#policy.hideExpired);
      if (filtered) {
        decision.reason = filtered.reason;
        decision.detail = filtered.detail;
        continue;
      }
      if (decision.intrusive && !this.#policy.onRequest && !this.#mounted.has(item.id)) {
        decision.reason = 'not-on-page';
        decision.detail = 'no element on this page renders it (pushed items compete only where they can show)';
        continue;
      }
      candidates.push({ item, decision });
      this.#addStale(item, context, needed);
    }
    if (needed.size) {
      await this.#evaluateConditions(needed, context);
      // The worker's results arrive in one message task; the decision pass gets tasks of its own.
      await yieldToPage();
    }
    if (generation !== this.#generation) {
      // A newer evaluation started while FHIRPath ran: its result is the answer, and it alone publishes.
      return this.#latest!;
    }
    const passing: Array<{ item: LoadedItem; decision: Decision }> = [];
    for (const candidate of candidates) {
      const failure = this.#conditionFailure(candidate.item);
      if (failure) {
        candidate.decision.reason = failure.reason;
        candidate.decision.detail = failure.detail;
      } else passing.push(candidate);
    }
    if (passing.length + candidates.length > 400) {
      await yieldToPage(); // large packs: the guard's pass in a task of its own too
      if (generation !== this.#generation) return this.#latest!;
    }
    applyGuard({ candidates: passing, progress: this.progress.state, policy: this.#policy, now, workflow: context.workflow, showing: this.#onScreen() });
    decisions.sort((a, b) => Number(b.show) - Number(a.show) || b.priority - a.priority || (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0));
    const changed = decisions.filter((d) => {
      const previous = this.#last.get(d.itemId);
      return !previous || previous.show !== d.show || previous.reason !== d.reason || previous.version !== d.version;
    });
    this.#last = new Map(decisions.map((d) => [d.itemId, d]));
    const result: EvaluationResult = { decisions, changed, context };
    for (const listener of this.#listeners) {
      try {
        listener(result);
      } catch (error) {
        this.#problem({ code: 'evaluator', message: `a decision listener threw: ${(error as Error).message}` });
      }
    }
    return result;
  }

  #deps(expression: string): string[] {
    let deps = this.#dependencies.get(expression);
    if (!deps) {
      deps = expressionDependencies(expression).parts;
      this.#dependencies.set(expression, deps);
    }
    return deps;
  }

  /** Adds the item's conditions whose cached result is stale for this context (expression → cache key). */
  #addStale(item: LoadedItem, context: GuideContext, needed: Map<string, string>): void {
    for (const expr of item.when?.conditions ?? []) {
      const key = this.#cacheKey(expr, context);
      if (this.#conditionCache.get(expr)?.key !== key) needed.set(expr, key);
    }
  }

  #cacheKey(expression: string, context: GuideContext): string {
    return this.#deps(expression)
      .map((part) => context.versions[part] ?? 0)
      .join(',');
  }

  async #evaluateConditions(needed: Map<string, string>, context: GuideContext): Promise<void> {
    const expressions = [...needed.keys()];
    let results: ConditionResult[];
    try {
      results = await this.#conditionEvaluator().evaluate(expressions, { patient: context.patient, encounter: context.encounter, user: context.user, resources: context.resources, versions: context.versions });
    } catch (error) {
      results = expressions.map(() => ({ ok: false, error: (error as Error).message }));
    }
    expressions.forEach((expr, i) => this.#conditionCache.set(expr, { key: needed.get(expr)!, result: results[i] }));
  }

  #conditionFailure(item: LoadedItem): { reason: SuppressReason; detail: string } | undefined {
    const conditions = item.when?.conditions ?? [];
    for (let i = 0; i < conditions.length; i++) {
      const cached = this.#conditionCache.get(conditions[i]);
      if (!cached) return { reason: 'condition-pending', detail: `condition ${i + 1} not evaluated yet` };
      if (!cached.result.ok) {
        const message = `item "${item.id}" condition ${i + 1} (${conditions[i]}): ${cached.result.error}`;
        if (!this.#reportedConditionErrors.has(message)) {
          this.#reportedConditionErrors.add(message);
          this.#problem({ code: 'condition-error', message, itemId: item.id });
        }
        return { reason: 'condition-error', detail: `condition ${i + 1}: ${cached.result.error}` };
      }
      if (!cached.result.value) return { reason: 'condition-false', detail: `condition ${i + 1} is false: ${conditions[i]}` };
    }
    return undefined;
  }

  /**
   * What applies to this patient, user and moment whatever the fatigue guard would push, and whether or not an
   * element on the page renders it: items that pass locale, workflow, audience and expiry, and whose FHIRPath
   * conditions hold (evaluated in the worker, cached like the rest). For on-demand surfaces such as the help panel.
   */
  async relevantItems(): Promise<LoadedItem[]> {
    await this.progress.ready;
    const context = this.#context;
    const role = this.role;
    const effective = role === context.role ? context : { ...context, role };
    const today = dayOf(this.#now());
    const passing = [...this.#items.values()].filter((item) => !prefilter(item, effective, this.proficiency, today, this.#policy.hideExpired));
    const needed = new Map<string, string>();
    for (const item of passing) this.#addStale(item, context, needed);
    if (needed.size) await this.#evaluateConditions(needed, context);
    return passing.filter((item) => !this.#conditionFailure(item)).sort((a, b) => (b.priority ?? DEFAULT_PRIORITY) - (a.priority ?? DEFAULT_PRIORITY));
  }

  /** The debug API: the latest decision for each item, with the reason it is or is not shown. */
  async explain(): Promise<Decision[]> {
    return (await this.evaluate()).decisions;
  }

  decision(itemId: string): Decision | undefined {
    return this.#last.get(itemId);
  }

  // ——— What happened (called by elements) ———

  /**
   * An element on the page can render this item (a `<ehr-tip item>` connected). Pushed items compete for the
   * clinician's attention only while something can render them; returns the function that unmounts.
   */
  mount(itemId: string): () => void {
    this.#mounted.set(itemId, (this.#mounted.get(itemId) ?? 0) + 1);
    this.#schedule();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const left = (this.#mounted.get(itemId) ?? 1) - 1;
      if (left > 0) this.#mounted.set(itemId, left);
      else this.#mounted.delete(itemId);
      this.#leave(itemId);
      this.#schedule();
    };
  }

  /** Single-page EHRs re-render screens; within this grace an item that left and came back is the same showing. */
  static readonly REMOUNT_GRACE_MS = 2000;

  #leave(itemId: string): void {
    if (this.#showing.delete(itemId)) this.#leaving.set(itemId, this.#now());
  }

  /** Items on screen, including those that left within the re-render grace. */
  #onScreen(): Set<string> {
    const now = this.#now();
    const set = new Set(this.#showing);
    for (const [id, at] of this.#leaving) {
      if (now - at <= GuideEngine.REMOUNT_GRACE_MS) set.add(id);
      else this.#leaving.delete(id);
    }
    return set;
  }

  /** The item appeared on screen: counts against its caps and, if intrusive, the session budget. */
  async recordShown(itemId: string): Promise<void> {
    const item = this.#items.get(itemId);
    if (!item || this.#showing.has(itemId)) return;
    this.#showing.add(itemId);
    const left = this.#leaving.get(itemId);
    this.#leaving.delete(itemId);
    if (left !== undefined && this.#now() - left <= GuideEngine.REMOUNT_GRACE_MS) return; // the same showing, re-rendered
    await this.progress.recordShown(item.id, item.version, this.#now(), isIntrusive(item));
    this.#schedule();
  }

  /** The item left the screen (closed, anchor gone, page changed). */
  recordHidden(itemId: string): void {
    if (this.#showing.has(itemId)) {
      this.#leave(itemId);
      this.#schedule();
    }
  }

  async recordDismissed(itemId: string, permanent: boolean): Promise<void> {
    const item = this.#items.get(itemId);
    if (!item) return;
    this.#showing.delete(itemId);
    await this.progress.recordDismissed(item.id, item.version, this.#now(), permanent);
    this.#schedule();
  }

  async snooze(itemId: string, minutes?: number): Promise<void> {
    const item = this.#items.get(itemId);
    if (!item) return;
    const span = minutes ?? item.frequency?.snoozeMinutes ?? this.#policy.defaultFrequency.snoozeMinutes;
    this.#showing.delete(itemId);
    await this.progress.snooze(item.id, item.version, this.#now() + span * 60_000);
    this.#schedule();
  }

  /**
   * Records a finished lesson: progress (score, passed) and an xAPI statement for the LRS. The statement names the
   * lesson and the result only.
   */
  async recordLesson(itemId: string, result: { score: number; passed: boolean; durationMs: number }): Promise<void> {
    const item = this.#items.get(itemId);
    if (!item) return;
    await this.recordCompleted(itemId, result.score, result.passed);
    this.#recordStatement('lesson', () => lessonStatement({ itemId: item.id, version: item.version, title: item.title, ...result }, this.#learner(), { language: this.#context.locale }));
  }

  /** Records a tour walked to its end: progress and an xAPI "completed" statement. */
  async recordTour(itemId: string, durationMs: number): Promise<void> {
    const item = this.#items.get(itemId);
    if (!item) return;
    await this.recordCompleted(itemId);
    this.#recordStatement('tour', () => tourStatement({ itemId: item.id, version: item.version, title: item.title, durationMs }, this.#learner(), { language: this.#context.locale }));
  }

  async recordCompleted(itemId: string, score?: number, passed?: boolean): Promise<void> {
    const item = this.#items.get(itemId);
    if (!item) return;
    await this.progress.recordCompleted(item.id, item.version, this.#now(), score, passed);
    this.#schedule();
  }

  async resetDismissals(): Promise<void> {
    await this.progress.resetDismissals();
    this.#schedule();
  }

  dispose(): void {
    this.#evaluator?.dispose();
    this.#listeners.clear();
  }

  #problem(problem: EngineProblem): void {
    try {
      this.options.onProblem?.(problem);
    } catch {
      // a host's problem handler must not break the engine
    }
  }
}
