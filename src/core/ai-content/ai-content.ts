import { aiLabels, type AiLabels } from './labels.js';
import { aiProvenances, isAiDevice, isModelCardDocument, resolverOver, type AiProvenance, type Resolve } from './provenance.js';

/**
 * What the chart says about a piece of AI-produced content, by HL7 AI Transparency on FHIR (STU1 ballot 1.0.0):
 * its labels (§Labeling), its Provenance (§Provenance: who — which AI Device — when, verified by whom), the AI
 * Device (§Defining the AI System: kind of AI, manufacturer, version, model card) and the model card
 * DocumentReference (Markdown or CHAI model-card XML). Pure: the caller hands over the resources it has.
 */
type Resource = { resourceType?: string; id?: string; [key: string]: unknown };

const AI_KIND = 'http://hl7.org/fhir/uv/aitransparency/StructureDefinition/aitransparency.AIKind';
const MODEL_CARD_EXTENSION = 'http://hl7.org/fhir/uv/aitransparency/StructureDefinition/aitransparency.modelCardDescription';
const ALTERNATE_REFERENCE = 'http://hl7.org/fhir/StructureDefinition/alternate-reference';

export interface AiDeviceFacts {
  reference?: string;
  /** AIdeviceTypeCS codes of the kinds of AI (`Large-Language-Models`, …); empty when the Device says none. */
  kinds: string[];
  name?: string;
  manufacturer?: string;
  version?: string;
  /** Model-card DocumentReferences the Device names (its modelCardDescription extension). */
  modelCards: Resource[];
}

export interface ModelCardDocument {
  format: 'markdown' | 'chai-xml';
  /** The card's text (decoded from the attachment, or the DocumentReference's description). */
  text?: string;
  /** Where the card is, when it is linked rather than attached. */
  url?: string;
  title?: string;
}

export interface AiContentFacts {
  /** Anything in the chart says AI produced this (a label, a Provenance, an AI Device as its source). */
  ai: boolean;
  labels: AiLabels;
  /** The element asked about, when one was (`conclusion`). */
  element?: string;
  provenances: AiProvenance[];
  /** The AI systems that produced it, as far as the chart says; empty = "cannot tell who produced this". */
  producers: AiDeviceFacts[];
  when?: string;
  /** `verified`: a human verifier is recorded; `not-verified`: Provenance exists and names none; `cannot-tell`: no Provenance. */
  verification: 'verified' | 'not-verified' | 'cannot-tell';
  verifiers: string[];
  modelCard?: ModelCardDocument;
  /** What points nowhere: a Provenance's Device or a model card that is not among the resources given. */
  problems: string[];
}

/** Base64 (FHIR `attachment.data`) to text, as UTF-8. */
function decode(data: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(data.replace(/\s+/g, '')), (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The model card a DocumentReference holds: Markdown (`text/markdown`) or CHAI XML (`application/xml`). */
export function modelCardDocument(doc: Resource | undefined): ModelCardDocument | undefined {
  if (!isModelCardDocument(doc)) return undefined;
  const contents = ((doc!.content as Array<{ attachment?: { contentType?: string; data?: string; url?: string; title?: string } }> | undefined) ?? []).map((c) => c?.attachment).filter(Boolean);
  const categories = ((doc!.category as Array<{ coding?: Array<{ code?: string }> }> | undefined) ?? []).flatMap((c) => (c.coding ?? []).map((x) => x.code));
  const pick = (type: string) => contents.find((a) => a!.contentType?.split(';')[0].trim() === type);
  const md = pick('text/markdown');
  const xml = pick('application/xml') ?? pick('text/xml');
  const description = typeof doc!.description === 'string' ? doc!.description : undefined;
  if (md || (categories.includes('AIModelCardMarkdownFormat') && !xml)) {
    return { format: 'markdown', text: md?.data ? decode(md.data) : description, ...(md?.url ? { url: md.url } : {}), ...(md?.title ? { title: md.title } : {}) };
  }
  if (xml || categories.includes('AImodelCardCHAIformat')) return { format: 'chai-xml', ...(xml?.data ? { text: decode(xml.data) } : {}), ...(xml?.url ? { url: xml.url } : {}) };
  return description ? { format: 'markdown', text: description } : undefined;
}

/** What an AI Device says about itself. */
export function aiDeviceFacts(device: Resource, reference: string | undefined, resolve: Resolve): AiDeviceFacts {
  const extensions = (device.extension as Array<{ url?: string; valueCodeableConcept?: { coding?: Array<{ code?: string }> }; valueReference?: { reference?: string } }> | undefined) ?? [];
  const names = (device.deviceName as Array<{ name?: string }> | undefined) ?? [];
  const versions = (device.version as Array<{ value?: string }> | undefined) ?? [];
  return {
    ...(reference ? { reference } : {}),
    kinds: extensions.filter((e) => e.url === AI_KIND).flatMap((e) => (e.valueCodeableConcept?.coding ?? []).map((c) => c.code!).filter(Boolean)),
    ...(names[0]?.name ? { name: names[0].name } : {}),
    ...(typeof device.manufacturer === 'string' ? { manufacturer: device.manufacturer } : {}),
    ...(versions[0]?.value ? { version: versions[0].value } : {}),
    modelCards: extensions.filter((e) => e.url === MODEL_CARD_EXTENSION).map((e) => resolve(e.valueReference?.reference)).filter((d): d is Resource => isModelCardDocument(d)),
  };
}

/** AI Devices named as the resource's own source: `device` (an Observation's), or a performer's alternate-reference. */
function sourceDevices(resource: Resource): Array<string | undefined> {
  const refs: Array<string | undefined> = [(resource.device as { reference?: string } | undefined)?.reference];
  for (const p of [resource.performer].flat() as Array<{ reference?: string; extension?: Array<{ url?: string; valueReference?: { reference?: string } }> } | undefined>) {
    refs.push(p?.reference, ...(p?.extension ?? []).filter((e) => e.url === ALTERNATE_REFERENCE).map((e) => e.valueReference?.reference));
  }
  return refs.filter(Boolean);
}

const covers = (path: string | undefined, element: string) => path === undefined || path === element || element.startsWith(`${path}.`) || path.startsWith(`${element}.`) || path.startsWith(`${element}[`);

/**
 * The facts about `resource` (or one of its elements) from the resources the caller has — Provenance, Device,
 * DocumentReference — never fetched here.
 */
export function aiContentFacts(resource: Resource, related: readonly Resource[] = [], options: { element?: string } = {}): AiContentFacts {
  const contained = ((resource.contained as Resource[] | undefined) ?? []).map((r) => ({ ...r }));
  const resolve = resolverOver([...related, ...contained]);
  const labels = aiLabels(resource);
  const element = options.element;
  const provenances = aiProvenances(resource, related, resolve).filter((p) => !element || covers(p.element, element));
  const problems: string[] = [];
  const producers: AiDeviceFacts[] = [];
  const seen = new Set<string>();
  const addDevice = (device: Resource | undefined, reference: string | undefined) => {
    if (!device) return;
    const key = `${device.resourceType}/${device.id ?? reference}`;
    if (seen.has(key)) return;
    seen.add(key);
    producers.push(aiDeviceFacts(device, reference, resolve));
  };
  for (const p of provenances) {
    for (const agent of p.ai) {
      if (agent.device) addDevice(agent.device, agent.reference);
      else problems.push(`the Provenance names an AI agent${agent.reference ? ` (${agent.reference})` : ''} that is not among the resources given`);
    }
  }
  const asSource = sourceDevices(resource).map((ref) => ({ ref, device: resolve(ref) })).filter((d) => isAiDevice(d.device));
  for (const d of asSource) addDevice(d.device, d.ref);
  const labelled = labels.resource || (element ? labels.elements.some((e) => covers(e, element)) : labels.elements.length > 0);
  const ai = labelled || provenances.length > 0 || asSource.length > 0;
  const verifiers = provenances.flatMap((p) => p.verifiers.map((v) => v.display ?? v.reference ?? 'a clinician'));
  const cards = [...provenances.flatMap((p) => p.modelCards.map((m) => m.doc!)), ...producers.flatMap((d) => d.modelCards)];
  const when = provenances.map((p) => p.when).filter(Boolean).sort().at(-1);
  return {
    ai,
    labels,
    ...(element ? { element } : {}),
    provenances,
    producers,
    ...(when ? { when } : {}),
    verification: verifiers.length ? 'verified' : provenances.length ? 'not-verified' : 'cannot-tell',
    verifiers,
    ...(cards.length ? { modelCard: modelCardDocument(cards[0]) } : {}),
    problems,
  };
}
