/**
 * Which AI output a SMART launch is about: the first `fhirContext` entry naming a RiskAssessment or Observation.
 * Accepts SMART 2.1 objects (`reference`, or `type` + `identifier`), relative or absolute references, and the bare
 * strings some 2.0-era launchers send; entries with a role other than `launch` are context, not the subject.
 * Returns the request to read it with (`client.request(…)`), or undefined.
 */
export type FhirContextEntry = string | { reference?: string; canonical?: string; type?: string; role?: string; identifier?: { system?: string; value?: string } };

const AI_TYPES = ['RiskAssessment', 'Observation'];
const REFERENCE = /(?:^|\/)(RiskAssessment|Observation)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export interface AiOutputRequest {
  /** What to pass to `client.request`: `RiskAssessment/123`, or a search by identifier. */
  url: string;
  type: 'RiskAssessment' | 'Observation';
  /** True for a search (the answer is a Bundle; its first match is the output). */
  search: boolean;
}

const read = (reference: string): AiOutputRequest | undefined => {
  const match = REFERENCE.exec(reference.trim());
  // FHIR ids allow dots, but "." and ".." would walk the server's paths.
  if (!match || match[2] === '.' || match[2] === '..') return undefined;
  return { url: `${match[1]}/${match[2]}`, type: match[1] as AiOutputRequest['type'], search: false };
};

export function aiOutputRequest(fhirContext: readonly FhirContextEntry[] | undefined): AiOutputRequest | undefined {
  for (const entry of fhirContext ?? []) {
    if (typeof entry === 'string') {
      const found = read(entry);
      if (found) return found;
      continue;
    }
    if (!entry || typeof entry !== 'object' || (entry.role && entry.role !== 'launch')) continue;
    const found = typeof entry.reference === 'string' ? read(entry.reference) : undefined;
    if (found) return found;
    const type = entry.type;
    const id = entry.identifier;
    if (type && AI_TYPES.includes(type) && id && typeof id.value === 'string' && id.value) {
      const token = id.system ? `${id.system}|${id.value}` : id.value;
      return { url: `${type}?identifier=${encodeURIComponent(token)}&_count=1`, type: type as AiOutputRequest['type'], search: true };
    }
  }
  return undefined;
}
