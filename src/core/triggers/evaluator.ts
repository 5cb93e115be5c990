import type { FhirResource } from '../context/fhir-types.js';

/** The data an expression sees. */
export interface EvaluationData {
  patient?: FhirResource;
  encounter?: FhirResource;
  user?: FhirResource;
  resources: Readonly<Record<string, readonly FhirResource[]>>;
  /** Version of each part, so an evaluator across a thread boundary sends only what changed. */
  versions: Readonly<Record<string, number>>;
}

export type ConditionResult = { ok: true; value: boolean } | { ok: false; error: string };

/** Evaluates FHIRPath conditions. Implementations: a module Web Worker (browsers) and in-process (Node). */
export interface ConditionEvaluator {
  /** Results in the order of `expressions`. Never rejects for a bad expression: that is an `ok: false` result. */
  evaluate(expressions: readonly string[], data: EvaluationData): Promise<ConditionResult[]>;
  /** Compile errors per expression (`undefined` when it compiles). */
  check(expressions: readonly string[]): Promise<Array<string | undefined>>;
  dispose(): void;
}
