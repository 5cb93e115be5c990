// The FHIRPath work itself, shared by the Web Worker and the in-process evaluator. It is the only module that
// imports fhirpath and its R4 model (230 KB gzip together), so it is never on a page's critical path: browsers
// load it inside the worker, only when a pack has conditions.
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4';
import type { FhirResource } from '../context/fhir-types.js';
import { makeClinicalFunctions, Unknowns, type ClinicalData } from './clinical-functions.js';
import type { ConditionResult } from './evaluator.js';

type Compiled = (resource: unknown, env?: Record<string, unknown>) => unknown[];

const compiled = new Map<string, Compiled | Error>();

// The clinical functions read the data of the evaluation in progress (one at a time: evaluation is synchronous).
let current: ClinicalData = { resources: {}, valueSets: new Map(), now: Date.now() };
let unknowns = new Unknowns();
const ucum = (fhirpath as unknown as { ucumUtils?: ClinicalData['ucum'] }).ucumUtils;
const userInvocationTable = makeClinicalFunctions(
  () => current,
  () => unknowns,
);

function compile(expression: string): Compiled | Error {
  let fn = compiled.get(expression);
  if (!fn) {
    try {
      fn = fhirpath.compile(expression, r4 as never, { userInvocationTable } as never) as unknown as Compiled;
    } catch (error) {
      fn = error instanceof Error ? error : new Error(String(error));
    }
    compiled.set(expression, fn);
  }
  return fn;
}

export function checkExpression(expression: string): string | undefined {
  const fn = compile(expression);
  return fn instanceof Error ? fn.message.split('\n')[0] : undefined;
}

export interface WorkerData {
  patient?: FhirResource;
  encounter?: FhirResource;
  user?: FhirResource;
  resources: Record<string, readonly FhirResource[]>;
  /** The packs' value sets: url → `system|code` members. */
  valueSets?: ReadonlyMap<string, ReadonlySet<string>>;
}

// fhirpath reads %vars from the environment object; unknown resource types must be empty lists, not undefined
// (which fhirpath reports as an error), so the environment answers every capitalised name.
function environment(data: WorkerData): Record<string, unknown> {
  const base: Record<string, unknown> = { patient: data.patient ?? null, encounter: data.encounter ?? null, user: data.user ?? null };
  return new Proxy(base, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name];
      if (/^[A-Z][A-Za-z]+$/.test(name)) return data.resources[name] ?? [];
      return undefined;
    },
    has(target, name) {
      return typeof name === 'string' && (name in target || /^[A-Z][A-Za-z]+$/.test(name));
    },
  });
}

export function evaluateExpressions(expressions: readonly string[], data: WorkerData, now = Date.now()): ConditionResult[] {
  const env = environment(data);
  const root = data.patient ?? {};
  current = { patient: data.patient, resources: data.resources, valueSets: data.valueSets ?? new Map(), now, ucum };
  return expressions.map((expression) => {
    const fn = compile(expression);
    if (fn instanceof Error) return { ok: false, error: `does not compile: ${fn.message.split('\n')[0]}` };
    unknowns = new Unknowns();
    try {
      const result = fn(root, env);
      // An answer that rests on data that could not be read is "cannot tell", never a silent false — nor a true
      // (`latestValue(…).empty()` over a result in a unit that does not convert, `onMedication(…).not()` over an
      // order whose medication the record does not hold). The functions note only what the answer rests on.
      const unknown = unknowns.reasons.length ? unknowns.reasons.join('; ') : undefined;
      const valid = result.length === 0 || (result.length === 1 && typeof result[0] === 'boolean');
      if (valid && unknown) return { ok: true, value: false, unknown };
      if (valid) return { ok: true, value: result.length === 1 && result[0] === true };
      return { ok: false, error: `must evaluate to true, false or empty; got ${result.length} item(s) — add .exists() or a comparison` };
    } catch (error) {
      return { ok: false, error: `evaluation failed: ${(error as Error).message.split('\n')[0]}` };
    }
  });
}
