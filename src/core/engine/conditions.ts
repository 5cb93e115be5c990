import type { GuideContext } from '../context/context.js';
import type { FhirResource } from '../context/fhir-types.js';
import type { SuppressReason } from '../fatigue/decisions.js';
import type { LoadedItem } from '../packs/load-pack.js';
import { expressionDependencies, type ReadShape } from '../triggers/dependencies.js';
import { projectForFunctions } from '../triggers/clinical-functions.js';
import type { ConditionEvaluator, ConditionResult, EvaluationData } from '../triggers/evaluator.js';
import type { EngineProblem } from './problems.js';

/** The packs' value sets as the evaluator takes them, with the version that changes with them. */
export type VocabularySource = () => { members: Readonly<Record<string, readonly string[]>>; version: number };

/**
 * The data an evaluator reads: the context's record — only the resource types the packs read, when `shape` is
 * given, so a host that hands over a whole record does not have it all cloned into the worker, and of a type read
 * only through the clinical functions only the elements they read — and the packs' value sets.
 */
export function evaluationData(context: GuideContext, vocabulary?: VocabularySource, shape?: ReadShape): EvaluationData {
  const sets = vocabulary?.();
  let resources: Record<string, readonly FhirResource[]> = context.resources as Record<string, readonly FhirResource[]>;
  const shapes: Record<string, string> = {};
  if (shape) {
    resources = {};
    for (const type of shape.types) {
      const list = context.resources[type];
      if (!list) continue;
      const elements = shape.elements[type];
      resources[type] = elements ? projected(list, elements) : list;
      if (elements) shapes[`resource:${type}`] = elements.join(',');
    }
  }
  return {
    patient: context.patient,
    encounter: context.encounter,
    user: context.user,
    resources,
    valueSets: sets?.members,
    versions: sets ? { ...context.versions, valueSets: sets.version } : context.versions,
    shapes,
  };
}

/** The resources with only `resourceType`, `id` and what the functions read of `elements`, once per list and set. */
const projections = new WeakMap<readonly FhirResource[], Map<readonly string[], readonly FhirResource[]>>();
function projected(list: readonly FhirResource[], elements: readonly string[]): readonly FhirResource[] {
  let byElements = projections.get(list);
  if (!byElements) projections.set(list, (byElements = new Map()));
  let out = byElements.get(elements);
  if (!out) {
    out = list.map((r) => projectForFunctions(r, elements));
    byElements.set(elements, out);
  }
  return out;
}

/**
 * Items' FHIRPath conditions, evaluated only when the data they read has changed: each expression's result is
 * cached under the versions of the context parts it depends on. The evaluator (a worker in browsers) is created
 * on first need only.
 */
export class ConditionCache {
  #evaluator?: ConditionEvaluator;
  #cache = new Map<string, { key: string; result: ConditionResult }>();
  #dependencies = new Map<string, string[]>();
  #reported = new Set<string>();

  constructor(
    private readonly createEvaluator: (() => ConditionEvaluator) | undefined,
    private readonly onProblem: (problem: EngineProblem) => void,
    private readonly vocabulary?: VocabularySource,
    private readonly readShape?: () => ReadShape,
  ) {}

  /** The evaluator, created on first use; throws when none is configured. */
  get evaluator(): ConditionEvaluator {
    this.#evaluator ??= (this.createEvaluator ?? (() => {
      throw new Error('no FHIRPath evaluator configured');
    }))();
    return this.#evaluator;
  }

  /** Evaluates, for `context`, every condition of `items` whose cached result is stale. */
  async refresh(items: Iterable<LoadedItem>, context: GuideContext): Promise<void> {
    const needed = new Map<string, string>(); // expression → cache key
    for (const item of items) {
      for (const expr of item.when?.conditions ?? []) {
        const key = this.#key(expr, context);
        if (this.#cache.get(expr)?.key !== key) needed.set(expr, key);
      }
    }
    if (!needed.size) return;
    const expressions = [...needed.keys()];
    let results: ConditionResult[];
    try {
      results = await this.evaluator.evaluate(expressions, evaluationData(context, this.vocabulary, this.readShape?.()));
    } catch (error) {
      results = expressions.map(() => ({ ok: false, error: (error as Error).message }));
    }
    expressions.forEach((expr, i) => this.#cache.set(expr, { key: needed.get(expr)!, result: results[i] }));
  }

  /** Whether `refresh` would evaluate anything for these items in this context. */
  isStale(items: Iterable<LoadedItem>, context: GuideContext): boolean {
    for (const item of items) for (const expr of item.when?.conditions ?? []) if (this.#cache.get(expr)?.key !== this.#key(expr, context)) return true;
    return false;
  }

  /** Why the item's conditions keep it back (from the cache), or undefined when they all hold. */
  failure(item: LoadedItem): { reason: SuppressReason; detail: string } | undefined {
    const conditions = item.when?.conditions ?? [];
    for (let i = 0; i < conditions.length; i++) {
      const cached = this.#cache.get(conditions[i]);
      if (!cached) return { reason: 'condition-pending', detail: `condition ${i + 1} not evaluated yet` };
      if (!cached.result.ok) {
        const message = `item "${item.id}" condition ${i + 1} (${conditions[i]}): ${cached.result.error}`;
        if (!this.#reported.has(message)) {
          this.#reported.add(message);
          this.onProblem({ code: 'condition-error', message, itemId: item.id });
        }
        return { reason: 'condition-error', detail: `condition ${i + 1}: ${cached.result.error}` };
      }
      if (!cached.result.value && cached.result.unknown) return { reason: 'condition-unknown', detail: `condition ${i + 1} cannot tell: ${cached.result.unknown}` };
      if (!cached.result.value) return { reason: 'condition-false', detail: `condition ${i + 1} is false: ${conditions[i]}` };
    }
    return undefined;
  }

  /** One expression over the whole live context, uncached (a tour step's check); an error is a result, never thrown. */
  async check(expression: string, context: GuideContext): Promise<ConditionResult> {
    try {
      const [result] = await this.evaluator.evaluate([expression], evaluationData(context, this.vocabulary));
      return result ?? { ok: false, error: 'no result' };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  dispose(): void {
    this.#evaluator?.dispose();
    this.#evaluator = undefined;
  }

  #key(expression: string, context: GuideContext): string {
    let deps = this.#dependencies.get(expression);
    if (!deps) {
      deps = expressionDependencies(expression).parts;
      this.#dependencies.set(expression, deps);
    }
    const vocabularyVersion = this.vocabulary?.().version ?? 0;
    return deps.map((part) => (part === 'valueSets' ? vocabularyVersion : (context.versions[part] ?? 0))).join(',');
  }
}
