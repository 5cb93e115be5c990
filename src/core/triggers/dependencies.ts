import { CLINICAL_ELEMENTS, CLINICAL_FUNCTIONS } from './clinical-functions.js';

/**
 * What an expression reads, so the engine re-evaluates it only when one of those parts changes and the SMART
 * layer fetches only the resource types packs need.
 *
 * Expressions are evaluated with the patient as their root and these environment variables:
 * `%patient`, `%encounter`, `%user`, and `%<ResourceType>` (e.g. `%MedicationRequest`, `%Condition`) for each
 * resource type of the patient's record — a list, empty when the record has none.
 */
export const CONTEXT_VARIABLES = ['patient', 'encounter', 'user'] as const;
/** Variables fhirpath itself defines (they refer to the root, i.e. the patient, or are constants). */
const BUILTIN_VARIABLES = new Set(['context', 'resource', 'rootResource', 'ucum', 'sct', 'loinc', 'factory', 'terminologies', 'server']);

export interface ExpressionDependencies {
  /** Context parts: `patient`, `encounter`, `user`, `resource:<Type>`, and `valueSets` for the clinical functions. */
  parts: string[];
  /** Resource types read, through `%<Type>` or the clinical functions. */
  resourceTypes: string[];
  /** Resource types read through `%<Type>` itself, any element of them (the rest only through the functions). */
  directTypes: string[];
  /** Variables that are neither context parts, resource types nor fhirpath built-ins. */
  unknownVariables: string[];
}

/** Functions that read the packs' value sets (their first argument is a value set url). */
const VALUE_SET_FUNCTIONS = new Set(['memberOf', 'onMedication', 'hasCondition', 'latestValue']);

export function expressionDependencies(expression: string): ExpressionDependencies {
  const parts = new Set<string>(['patient']); // the root is always the patient
  const resourceTypes = new Set<string>();
  const directTypes = new Set<string>();
  const unknown = new Set<string>();
  // Strip string literals first so '%Condition' inside quotes does not count.
  const code = expression.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  for (const match of code.matchAll(/%`?([A-Za-z_][A-Za-z0-9_-]*)`?/g)) {
    const name = match[1];
    if ((CONTEXT_VARIABLES as readonly string[]).includes(name)) parts.add(name);
    else if (/^[A-Z][A-Za-z]+$/.test(name)) {
      resourceTypes.add(name);
      directTypes.add(name);
      parts.add(`resource:${name}`);
    } else if (!BUILTIN_VARIABLES.has(name) && !name.startsWith('vs-') && !name.startsWith('ext-')) unknown.add(name);
  }
  // The clinical functions read resource types (and value sets) of their own.
  for (const match of code.matchAll(/\b([a-zA-Z]+)\s*\(/g)) {
    const types = CLINICAL_FUNCTIONS[match[1]];
    if (!types) continue;
    for (const type of types) {
      resourceTypes.add(type);
      parts.add(`resource:${type}`);
    }
    if (VALUE_SET_FUNCTIONS.has(match[1])) parts.add('valueSets');
  }
  return { parts: [...parts].sort(), resourceTypes: [...resourceTypes].sort(), directTypes: [...directTypes].sort(), unknownVariables: [...unknown].sort() };
}

/**
 * What a set of expressions reads of the record: the resource types, and for each type read only through the
 * clinical functions, the elements they read (the evaluator gets only those).
 */
export interface ReadShape {
  types: readonly string[];
  elements: Readonly<Record<string, readonly string[]>>;
}

export function readShape(expressions: Iterable<string>): ReadShape {
  const types = new Set<string>();
  const direct = new Set<string>();
  for (const expression of expressions) {
    const deps = expressionDependencies(expression);
    deps.resourceTypes.forEach((t) => types.add(t));
    deps.directTypes.forEach((t) => direct.add(t));
  }
  const elements: Record<string, readonly string[]> = {};
  for (const type of types) if (!direct.has(type) && CLINICAL_ELEMENTS[type]) elements[type] = CLINICAL_ELEMENTS[type];
  return { types: [...types].sort(), elements };
}
