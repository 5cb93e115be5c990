import type { FhirResource } from '../context/fhir-types.js';

/** The data an expression sees. */
export interface EvaluationData {
  patient?: FhirResource;
  encounter?: FhirResource;
  user?: FhirResource;
  resources: Readonly<Record<string, readonly FhirResource[]>>;
  /** The packs' value sets (url → `system|code` members), for `memberOf()` and the clinical functions. */
  valueSets?: Readonly<Record<string, readonly string[]>>;
  /** Version of each part (`valueSets` too), so an evaluator across a thread boundary sends only what changed. */
  versions: Readonly<Record<string, number>>;
  /** Per part, which elements of its resources were kept (absent: all): data of another shape must be resent. */
  shapes?: Readonly<Record<string, string>>;
}

/**
 * A condition's result. `unknown` says why a false cannot be trusted (a medication reference the record does not
 * resolve, a unit that does not convert): "cannot tell".
 */
export type ConditionResult = { ok: true; value: boolean; unknown?: string } | { ok: false; error: string };

/** The value sets as the worker holds them. */
export function valueSetMap(sets: Readonly<Record<string, readonly string[]>> | undefined): Map<string, Set<string>> {
  return new Map(Object.entries(sets ?? {}).map(([url, members]) => [url, new Set(members)]));
}

/** Evaluates FHIRPath conditions. Implementations: a module Web Worker (browsers) and in-process (Node). */
export interface ConditionEvaluator {
  /** Results in the order of `expressions`. Never rejects for a bad expression: that is an `ok: false` result. */
  evaluate(expressions: readonly string[], data: EvaluationData): Promise<ConditionResult[]>;
  /** Compile errors per expression (`undefined` when it compiles). */
  check(expressions: readonly string[]): Promise<Array<string | undefined>>;
  dispose(): void;
}
