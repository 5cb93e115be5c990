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
  /** Context parts: `patient`, `encounter`, `user`, `resource:<Type>`. */
  parts: string[];
  /** Resource types read through `%<Type>`. */
  resourceTypes: string[];
  /** Variables that are neither context parts, resource types nor fhirpath built-ins. */
  unknownVariables: string[];
}

export function expressionDependencies(expression: string): ExpressionDependencies {
  const parts = new Set<string>(['patient']); // the root is always the patient
  const resourceTypes = new Set<string>();
  const unknown = new Set<string>();
  // Strip string literals first so '%Condition' inside quotes does not count.
  const code = expression.replace(/'(?:[^'\\]|\\.)*'/g, "''");
  for (const match of code.matchAll(/%`?([A-Za-z_][A-Za-z0-9_-]*)`?/g)) {
    const name = match[1];
    if ((CONTEXT_VARIABLES as readonly string[]).includes(name)) parts.add(name);
    else if (/^[A-Z][A-Za-z]+$/.test(name)) {
      resourceTypes.add(name);
      parts.add(`resource:${name}`);
    } else if (!BUILTIN_VARIABLES.has(name) && !name.startsWith('vs-') && !name.startsWith('ext-')) unknown.add(name);
  }
  return { parts: [...parts].sort(), resourceTypes: [...resourceTypes].sort(), unknownVariables: [...unknown].sort() };
}
