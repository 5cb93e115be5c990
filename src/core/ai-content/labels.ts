/**
 * AI Transparency on FHIR (HL7, STU1 ballot 1.0.0), "Labeling" (requirements.md §Labeling): `AIAST` ("Artificial
 * Intelligence asserted", v3 ObservationValue) in `meta.security` marks a resource AI produced or changed; with
 * DS4P's `PROCESSINLINELABEL` in `meta.security`, the `extension-inline-sec-label` extension marks single elements.
 */
export const OBSERVATION_VALUE = 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const INLINE_LABEL = 'http://hl7.org/fhir/uv/security-label-ds4p/StructureDefinition/extension-inline-sec-label';
/** AIAST: any influence by AI. DICTAST: dictation (which may be AI-driven) turned into data. */
export const AI_LABELS = new Set(['AIAST', 'DICTAST']);

type Coding = { system?: unknown; code?: unknown };
const isAiLabel = (c: Coding | undefined) => !!c && (c.system === undefined || c.system === OBSERVATION_VALUE) && typeof c.code === 'string' && AI_LABELS.has(c.code);

export interface AiLabels {
  /** The whole resource carries an AI label (`meta.security`). */
  resource: boolean;
  /** The label's code (`AIAST`, `DICTAST`), when there is one. */
  code?: string;
  /** Elements labelled inline (FHIRPath-like paths without the resource type: `conclusion`, `component[1].value`). */
  elements: string[];
  /** `PROCESSINLINELABEL` is present (the resource says to look for inline labels). */
  inline: boolean;
}

/** The AI labels of a FHIR resource: on the whole, and inline on elements (complex and primitive, `_name` too). */
export function aiLabels(resource: unknown): AiLabels {
  const out: AiLabels = { resource: false, elements: [], inline: false };
  if (!resource || typeof resource !== 'object') return out;
  const security = ((resource as { meta?: { security?: Coding[] } }).meta?.security ?? []) as Coding[];
  if (Array.isArray(security)) {
    const label = security.find(isAiLabel);
    if (label) Object.assign(out, { resource: true, code: label.code as string });
    out.inline = security.some((c) => c?.system === ACT_CODE && c.code === 'PROCESSINLINELABEL');
  }
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 12 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'meta' && depth === 0) continue;
      if (key === 'extension' && Array.isArray(child)) {
        if (path && child.some((e: { url?: unknown; valueCoding?: Coding }) => e?.url === INLINE_LABEL && isAiLabel(e.valueCoding))) out.elements.push(path);
        continue;
      }
      // A primitive's extensions sit on `_name`: they label `name`.
      const name = key.startsWith('_') ? key.slice(1) : key;
      walk(child, path ? `${path}.${name}` : name, depth + 1);
    }
  };
  walk(resource, '', 0);
  return out;
}
