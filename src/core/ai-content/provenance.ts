/**
 * AI Transparency on FHIR, "Provenance" (requirements.md §Provenance, the AIProvenance profile): a Provenance
 * whose `target` is the resource (or one of its elements, by the targetPath / targetElement extension), with an
 * agent whose role is `Artificial-Intelligence` (or whose `who` is an AI Device), and other agents — a human
 * `verifier`, an `author` — alongside. Its entities may point at the model card (a DocumentReference).
 */
export const AI_DEVICE_TYPES = 'http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS';
export const TARGET_PATH = 'http://hl7.org/fhir/StructureDefinition/targetPath';
export const TARGET_ELEMENT = 'http://hl7.org/fhir/StructureDefinition/targetElement';
const PARTICIPANT = 'http://terminology.hl7.org/CodeSystem/provenance-participant-type';

type Resource = { resourceType?: string; id?: string; [key: string]: unknown };
type Reference = { reference?: string; display?: string; extension?: Array<{ url?: string; valueString?: string; valueUri?: string }> };
type CodeableConcept = { coding?: Array<{ system?: string; code?: string; display?: string }>; text?: string };
type Agent = { type?: CodeableConcept; role?: CodeableConcept[]; who?: Reference };

/** Resolves a reference ("Device/TheAI", an absolute URL ending in it, "#contained") to a resource, if it is here. */
export type Resolve = (reference: string | undefined) => Resource | undefined;

/** A resolver over the resources given (and a resource's contained ones). */
export function resolverOver(resources: readonly Resource[]): Resolve {
  const byKey = new Map<string, Resource>();
  for (const r of resources) if (r?.resourceType && r.id) byKey.set(`${r.resourceType}/${r.id}`, r);
  return (reference) => {
    if (!reference) return undefined;
    const m = /([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference);
    return m ? byKey.get(`${m[1]}/${m[2]}`) : undefined;
  };
}

const codes = (cc: CodeableConcept | undefined) => (cc?.coding ?? []).map((c) => c.code);
const refKey = (ref: string | undefined) => /([A-Za-z]+\/[A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(ref ?? '')?.[1];

/** Whether a Device is an AI system (AIDevice: type `Artificial-Intelligence`). */
export function isAiDevice(device: Resource | undefined): boolean {
  if (device?.resourceType !== 'Device') return false;
  const types = [device.type as CodeableConcept | undefined].flat().filter(Boolean) as CodeableConcept[];
  return types.some((t) => (t.coding ?? []).some((c) => c.code === 'Artificial-Intelligence'));
}

export interface AiProvenance {
  provenance: Resource;
  /** The element the Provenance is about (targetPath / targetElement), when it is about one element only. */
  element?: string;
  when?: string;
  activity?: string;
  /** The AI agents: their Device when it is here, and how the AI took part (author, informant…). */
  ai: Array<{ device?: Resource; reference?: string; display?: string; part?: string }>;
  /** Human verifiers (agent type `verifier`, not a Device). */
  verifiers: Array<{ reference?: string; display?: string }>;
  /** Model-card DocumentReferences the Provenance names (entity), resolved when here. */
  modelCards: Array<{ doc?: Resource; reference?: string }>;
}

/** The AI Provenances of `resource` among `provenances` (target by reference; element-level ones say which). */
export function aiProvenances(resource: Resource, provenances: readonly Resource[], resolve: Resolve): AiProvenance[] {
  const key = resource.resourceType && resource.id ? `${resource.resourceType}/${resource.id}` : undefined;
  const out: AiProvenance[] = [];
  for (const p of provenances) {
    if (p?.resourceType !== 'Provenance' || !key) continue;
    const target = ((p.target as Reference[] | undefined) ?? []).find((t) => refKey(t?.reference) === key);
    if (!target) continue;
    const agents = ((p.agent as Agent[] | undefined) ?? []).filter(Boolean);
    const isAi = (a: Agent) => (a.role ?? []).some((r) => (r.coding ?? []).some((c) => c.code === 'Artificial-Intelligence')) || isAiDevice(resolve(a.who?.reference));
    const ai = agents.filter(isAi);
    const reasonAi = ((p.reason as CodeableConcept[] | undefined) ?? []).some((r) => codes(r).includes('AIAST'));
    if (!ai.length && !reasonAi) continue;
    const path = target.extension?.find((e) => e.url === TARGET_PATH || e.url === TARGET_ELEMENT);
    const element = path ? (path.valueString ?? path.valueUri)?.replace(/^[A-Z][A-Za-z]+\./, '') : undefined;
    out.push({
      provenance: p,
      ...(element ? { element } : {}),
      when: (p.occurredDateTime as string | undefined) ?? (p.occurredPeriod as { start?: string } | undefined)?.start ?? (p.recorded as string | undefined),
      activity: (p.activity as CodeableConcept | undefined)?.text ?? (p.activity as CodeableConcept | undefined)?.coding?.[0]?.display,
      ai: ai.map((a) => ({ device: resolve(a.who?.reference), reference: a.who?.reference, display: a.who?.display, part: codes(a.type).find(Boolean) })),
      verifiers: agents
        .filter((a) => !isAi(a) && (a.type?.coding ?? []).some((c) => c.code === 'verifier' && (!c.system || c.system === PARTICIPANT)) && !/^Device\//.test(refKey(a.who?.reference) ?? ''))
        .map((a) => ({ reference: a.who?.reference, display: a.who?.display })),
      modelCards: ((p.entity as Array<{ what?: Reference }> | undefined) ?? [])
        .map((e) => ({ reference: e?.what?.reference, doc: resolve(e?.what?.reference) }))
        .filter((e) => isModelCardDocument(e.doc)),
    });
  }
  return out;
}

/** Whether a DocumentReference is an AI model card (type `AIModelCard`). */
export function isModelCardDocument(doc: Resource | undefined): boolean {
  return doc?.resourceType === 'DocumentReference' && codes(doc.type as CodeableConcept | undefined).includes('AIModelCard');
}
