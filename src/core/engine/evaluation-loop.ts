import type { GuideContext } from '../context/context.js';
import type { Decision } from '../fatigue/decisions.js';
import type { FatiguePolicy } from '../fatigue/policy.js';
import type { LoadedItem } from '../packs/load-pack.js';
import type { Proficiency } from '../packs/schema.js';
import { dayOf, isDone } from '../progress/progress.js';
import type { ProgressStore } from '../progress/progress-store.js';
import { yieldToPage } from '../yield.js';
import type { ConditionCache } from './conditions.js';
import { decide, DEFAULT_PRIORITY, regard, type Candidate } from './decide.js';
import type { ExposureTracker } from './exposure.js';
import type { EvaluationResult } from './guide-api.js';
import { prefilter } from './prefilter.js';
import type { EngineProblem } from './problems.js';

/** What the loop reads from the engine at each pass. */
export interface LoopSource {
  items(): readonly LoadedItem[];
  context(): GuideContext;
  /** The context with the role in force filled in (derived from PractitionerRole when the host set none). */
  effectiveContext(): GuideContext;
  proficiency(): Proficiency;
  policy(): FatiguePolicy;
  now(): number;
  progress: ProgressStore;
  conditions: ConditionCache;
  exposure: ExposureTracker;
  onProblem(problem: EngineProblem): void;
}

type Listener = (result: EvaluationResult) => void;

/**
 * Runs evaluations and publishes decisions. A full pass (after a change of context, packs, policy or progress)
 * prefilters, evaluates the stale FHIRPath conditions and applies the fatigue guard, each in tasks of its own so
 * the host's task is never held; a newer pass supersedes an older one. After a showing or a hiding only the guard
 * re-runs, and subscribers hear of it only when a decision changed.
 */
export class EvaluationLoop {
  #listeners = new Set<Listener>();
  #last = new Map<string, Decision>();
  /** The last full pass's items that passed every filter and condition: the guard alone re-runs over them. */
  #passing: Candidate[] = [];
  #generation = 0;
  #scheduled?: Promise<unknown>;
  #reguardQueued = false;
  #latest?: Promise<EvaluationResult>;

  constructor(private readonly source: LoopSource) {}

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  decision(itemId: string): Decision | undefined {
    return this.#last.get(itemId);
  }

  /** Schedules one full pass (several changes in one task make one pass). */
  schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = Promise.resolve().then(() => {
      this.#scheduled = undefined;
      return this.evaluate();
    });
    this.#scheduled.catch((error: Error) => this.source.onProblem({ code: 'evaluator', message: `evaluation failed: ${error.message}` }));
  }

  /** A full pass now; resolves with its result (or a newer pass's, if one started meanwhile). */
  evaluate(): Promise<EvaluationResult> {
    const run = this.#run(++this.#generation);
    this.#latest = run;
    return run;
  }

  /** Schedules a guard-only pass (after a showing, hiding, dismissal or snooze). */
  reguard(): void {
    if (this.#reguardQueued || this.#scheduled) return;
    this.#reguardQueued = true;
    queueMicrotask(() => {
      this.#reguardQueued = false;
      if (this.#scheduled) return; // a full pass is coming anyway
      const decisions = [...this.#last.values()].map((d) => ({ ...d }));
      const byId = new Map(decisions.map((d) => [d.itemId, d]));
      const passing = this.#passing.flatMap((c) => (byId.has(c.item.id) ? [{ item: c.item, decision: byId.get(c.item.id)! }] : []));
      this.#publish(regard(decisions, passing, this.#guardInput(this.source.now())), this.source.context(), false);
    });
  }

  /** What applies here and now whatever the guard would push: prefilters and conditions only. */
  async relevantItems(): Promise<LoadedItem[]> {
    const s = this.source;
    await s.progress.ready;
    const context = s.context();
    const effective = s.effectiveContext();
    const today = dayOf(s.now());
    const passing = s.items().filter((item) => !prefilter(item, effective, s.proficiency(), today, s.policy().hideExpired));
    await s.conditions.refresh(passing, context);
    return passing.filter((item) => !s.conditions.failure(item)).sort((a, b) => (b.priority ?? DEFAULT_PRIORITY) - (a.priority ?? DEFAULT_PRIORITY));
  }

  dispose(): void {
    this.#listeners.clear();
  }

  async #run(generation: number): Promise<EvaluationResult> {
    const s = this.source;
    await s.progress.ready;
    // The engine's work never runs inside the host's task (a click, a render): it starts in a task of its own.
    await yieldToPage();
    if (generation !== this.#generation) return this.#latest!;
    const context = s.context();
    const now = s.now();
    const pass = decide(s.items(), { context: s.effectiveContext(), proficiency: s.proficiency(), today: dayOf(now), policy: s.policy(), isMounted: (id) => s.exposure.isMounted(id), isFirstVisitSession: (screen) => s.progress.isFirstVisitSession(screen), isCompleted: (item) => isDone(s.progress.item(item.id, item.version)) });
    const items = pass.candidates.map((c) => c.item);
    if (s.conditions.isStale(items, context)) {
      await s.conditions.refresh(items, context);
      await yieldToPage(); // the worker's results arrive in one message task; the decisions get tasks of their own
    }
    // A newer pass started while FHIRPath ran: its result is the answer, and it alone publishes.
    if (generation !== this.#generation) return this.#latest!;
    this.#passing = pass.candidates.filter((candidate) => {
      const failure = s.conditions.failure(candidate.item);
      if (failure) Object.assign(candidate.decision, failure);
      return !failure;
    });
    if (this.#passing.length + pass.candidates.length > 400) {
      await yieldToPage(); // large packs: the guard's pass in a task of its own too
      if (generation !== this.#generation) return this.#latest!;
    }
    return this.#publish(regard(pass.decisions, this.#passing, this.#guardInput(now)), context, true);
  }

  #guardInput(now: number) {
    const s = this.source;
    return { progress: s.progress.state, policy: s.policy(), now, workflow: s.context().workflow, showing: s.exposure.onScreen() };
  }

  #publish(decisions: Decision[], context: GuideContext, always: boolean): EvaluationResult {
    const changed = decisions.filter((d) => {
      const previous = this.#last.get(d.itemId);
      return !previous || previous.show !== d.show || previous.reason !== d.reason || previous.version !== d.version;
    });
    this.#last = new Map(decisions.map((d) => [d.itemId, d]));
    const result: EvaluationResult = { decisions, changed, context };
    if (!always && changed.length === 0) return result;
    for (const listener of this.#listeners) {
      try {
        listener(result);
      } catch (error) {
        this.source.onProblem({ code: 'evaluator', message: `a decision listener threw: ${(error as Error).message}` });
      }
    }
    return result;
  }
}
