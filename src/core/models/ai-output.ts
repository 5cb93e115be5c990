import type { FhirCodeableConcept, FhirCoding } from '../context/fhir-types.js';
import { outputScale, type ModelCard } from './model-card.js';

/** Extension on a RiskAssessment prediction (or an Observation) carrying a model's score on its own scale. */
export const MODEL_SCORE_EXTENSION = 'https://ehr-guide.dev/fhir/StructureDefinition/model-score';
/** Extension naming the model card (its `id`) on a RiskAssessment, Observation or CDS card. */
export const MODEL_CARD_EXTENSION = 'https://ehr-guide.dev/fhir/StructureDefinition/model-card';

/** An AI output, read from whatever carried it, with nothing of the patient but the numbers. */
export interface AiOutput {
  kind: 'risk-assessment' | 'observation' | 'cds-card' | 'score';
  /** Probability from 0 to 1, when the output gave one. */
  probability?: number;
  /** Score on the model's own scale, when the output gave one. */
  score?: number;
  /** Qualitative risk ("high", "moderate") when given. */
  qualitative?: string;
  /** What is predicted ("Sepsis within 6 hours"), when given. */
  outcome?: string;
  /** Codings that may name the model (method, device, code, CDS topic). */
  modelCodings: FhirCoding[];
  /** A model card id named directly (extension, `model` attribute). */
  modelId?: string;
  /** CDS card source URL, matched against identifiers. */
  sourceUrl?: string;
  /** When the output was produced (ISO date-time), when given. */
  when?: string;
}

/** Raised for input that is not an AI output ehr-guide can read; the message names what is wrong and where. */
export class AiOutputError extends Error {
  override name = 'AiOutputError';
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : undefined);

function codings(concept: unknown): FhirCoding[] {
  if (!isObject(concept) || !Array.isArray(concept.coding)) return [];
  return concept.coding.filter(isObject).map((c) => ({ system: text(c.system), code: text(c.code), display: text(c.display) }));
}

function conceptText(concept: unknown): string | undefined {
  if (!isObject(concept)) return undefined;
  return text((concept as FhirCodeableConcept).text) ?? codings(concept).map((c) => c.display ?? c.code).find(Boolean);
}

function extensionValue(holder: unknown, url: string): unknown {
  if (!isObject(holder) || !Array.isArray(holder.extension)) return undefined;
  const ext = holder.extension.find((e) => isObject(e) && e.url === url) as Json | undefined;
  if (!ext) return undefined;
  for (const key of ['valueDecimal', 'valueInteger', 'valueString', 'valueCanonical', 'valueUri', 'valueCode']) if (key in ext) return ext[key];
  return undefined;
}

function probabilityOf(prediction: Json, path: string): number | undefined {
  const p = prediction.probabilityDecimal;
  if (p === undefined) return undefined;
  if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 1) {
    throw new AiOutputError(`${path}.probabilityDecimal must be a number from 0 to 1 (FHIR R4 RiskAssessment), got ${JSON.stringify(p)}`);
  }
  return p;
}

function fromRiskAssessment(ra: Json): AiOutput {
  if (!Array.isArray(ra.prediction) || ra.prediction.length === 0) throw new AiOutputError('RiskAssessment.prediction is missing: there is no output to explain');
  const index = Math.max(0, ra.prediction.findIndex((p) => isObject(p) && (p.probabilityDecimal !== undefined || extensionValue(p, MODEL_SCORE_EXTENSION) !== undefined)));
  const prediction = ra.prediction[index];
  if (!isObject(prediction)) throw new AiOutputError(`RiskAssessment.prediction[${index}] must be an object`);
  const score = finite(extensionValue(prediction, MODEL_SCORE_EXTENSION));
  const range = prediction.probabilityRange;
  let probability = probabilityOf(prediction, `RiskAssessment.prediction[${index}]`);
  if (probability === undefined && isObject(range) && isObject(range.low) && isObject(range.high)) {
    const low = finite(range.low.value);
    const high = finite(range.high.value);
    // A range in percent (unit "%") or as a proportion; its midpoint stands for it, and the words say it is a range.
    const scale = range.low.unit === '%' || range.low.code === '%' ? 100 : 1;
    if (low !== undefined && high !== undefined) probability = Math.min(1, Math.max(0, (low + high) / 2 / scale));
  }
  const output: AiOutput = {
    kind: 'risk-assessment',
    probability,
    score,
    qualitative: conceptText(prediction.qualitativeRisk),
    outcome: conceptText(prediction.outcome),
    modelCodings: [...codings(ra.method), ...codings(ra.code)],
    modelId: text(extensionValue(ra, MODEL_CARD_EXTENSION)),
    when: text(ra.occurrenceDateTime) ?? (isObject(ra.occurrencePeriod) ? text(ra.occurrencePeriod.end) : undefined),
  };
  if (output.probability === undefined && output.score === undefined && !output.qualitative) {
    throw new AiOutputError(`RiskAssessment.prediction[${index}] has no probabilityDecimal, probabilityRange, qualitativeRisk or model-score extension: there is no output to explain`);
  }
  return output;
}

function fromObservation(obs: Json): AiOutput {
  const output: AiOutput = {
    kind: 'observation',
    outcome: conceptText(obs.code),
    modelCodings: [...codings(obs.method), ...codings(obs.code)],
    modelId: text(extensionValue(obs, MODEL_CARD_EXTENSION)),
    when: text(obs.effectiveDateTime) ?? text(obs.issued),
  };
  if (isObject(obs.device)) {
    const display = text(obs.device.display);
    if (display) output.modelCodings.push({ code: display });
    const id = text(obs.device.reference)?.replace(/^Device\//, '');
    if (id) output.modelCodings.push({ code: id });
  }
  const quantity = obs.valueQuantity;
  if (isObject(quantity)) {
    const value = finite(quantity.value);
    if (value === undefined) throw new AiOutputError('Observation.valueQuantity.value must be a number');
    if (quantity.unit === '%' || quantity.code === '%') output.probability = value / 100;
    else if (quantity.unit === '1' || quantity.code === '1') output.probability = value;
    else output.score = value;
  } else if (finite(obs.valueInteger) !== undefined) output.score = obs.valueInteger as number;
  else if (typeof obs.valueBoolean === 'boolean') output.score = obs.valueBoolean ? 1 : 0;
  else if (isObject(obs.valueCodeableConcept)) output.qualitative = conceptText(obs.valueCodeableConcept);
  else if (text(obs.valueString)) output.qualitative = text(obs.valueString);
  const extScore = finite(extensionValue(obs, MODEL_SCORE_EXTENSION));
  if (extScore !== undefined) output.score = extScore;
  if (output.probability !== undefined && (output.probability < 0 || output.probability > 1)) {
    throw new AiOutputError(`Observation.valueQuantity is a percentage outside 0–100: ${JSON.stringify(quantity)}`);
  }
  if (output.probability === undefined && output.score === undefined && !output.qualitative) throw new AiOutputError('Observation has no value[x] to explain');
  return output;
}

/** Reads a CDS Hooks card: its model from `source.topic`/`source.url`/extension, its score from the card's extension. */
export function aiOutputFromCdsCard(card: unknown): AiOutput {
  if (!isObject(card)) throw new AiOutputError('the CDS card must be an object');
  const source = isObject(card.source) ? card.source : {};
  const topic = isObject(source.topic) ? source.topic : undefined;
  const extension = isObject(card.extension) ? card.extension : {};
  const output: AiOutput = {
    kind: 'cds-card',
    // The card's summary is shown by the card itself; it does not name the predicted outcome.
    modelCodings: topic ? [{ system: text(topic.system), code: text(topic.code), display: text(topic.display) }] : [],
    modelId: text(extension[MODEL_CARD_EXTENSION]),
    sourceUrl: text(source.url),
  };
  const score = extension[MODEL_SCORE_EXTENSION];
  if (score !== undefined) {
    if (finite(score) === undefined) throw new AiOutputError(`card.extension["${MODEL_SCORE_EXTENSION}"] must be a number, got ${JSON.stringify(score)}`);
    output.score = score as number;
  }
  return output;
}

/** Reads a FHIR RiskAssessment or Observation (R4). */
export function aiOutputFromResource(resource: unknown): AiOutput {
  if (!isObject(resource)) throw new AiOutputError('the AI output must be a FHIR resource object');
  if (resource.resourceType === 'RiskAssessment') return fromRiskAssessment(resource);
  if (resource.resourceType === 'Observation') return fromObservation(resource);
  throw new AiOutputError(`resourceType ${JSON.stringify(resource.resourceType)} is not an AI output ehr-guide reads (RiskAssessment or Observation)`);
}

function codingMatches(coding: FhirCoding, card: ModelCard): boolean {
  if (!coding.code) return false;
  if (coding.code === card.id) return true;
  return (card.identifiers ?? []).some((id) => id.value === coding.code && (!id.system || id.system === coding.system));
}

/** The model card this output names, if any of `cards` matches (a direct id first, then codings, then the URL). */
export function findModelCard(output: AiOutput, cards: readonly ModelCard[]): ModelCard | undefined {
  if (output.modelId) return cards.find((c) => c.id === output.modelId);
  return (
    cards.find((card) => output.modelCodings.some((coding) => codingMatches(coding, card))) ??
    (output.sourceUrl ? cards.find((card) => (card.identifiers ?? []).some((id) => id.value === output.sourceUrl)) : undefined)
  );
}

/**
 * The number to place against a card's thresholds: a probability for probability models, the score for score
 * models. `undefined` with a reason when the output does not carry a value on the card's scale (e.g. a probability
 * for a model whose output is a 0–100 score: converting would invent a number).
 */
/** Why an output has no value on its card's scale, as a code and its facts (for words in any language). */
export type OffScale =
  | { code: 'out-of-range'; score: number; min: number; max: number }
  | { code: 'qualitative'; rating: string; scale: 'probability' | 'score' }
  | { code: 'probability-for-score'; range?: { min: number; max: number } }
  | { code: 'no-value'; scale: 'probability' | 'score' };

export function valueOnCardScale(output: AiOutput, card: ModelCard): { value?: number; reason?: string; why?: OffScale } {
  const scale = outputScale(card);
  if (scale === 'probability') {
    if (output.probability !== undefined) return { value: output.probability };
    if (output.score !== undefined && output.score >= 0 && output.score <= 1) return { value: output.score };
  } else if (output.score !== undefined) {
    const range = card.output.range;
    if (range && (output.score < range.min || output.score > range.max)) {
      return { reason: `the score ${output.score} is outside this model's range (${range.min} to ${range.max}); check that the right model card is attached`, why: { code: 'out-of-range', score: output.score, min: range.min, max: range.max } };
    }
    return { value: output.score };
  }
  if (output.qualitative) return { reason: `the output gives a qualitative risk ("${output.qualitative}") but no ${scale}`, why: { code: 'qualitative', rating: output.qualitative, scale } };
  if (scale === 'score' && output.probability !== undefined) return { reason: `the output gives a probability, but this model's output is a score (${card.output.range ? `${card.output.range.min}–${card.output.range.max}` : 'its own scale'}), not a probability`, why: { code: 'probability-for-score', ...(card.output.range ? { range: card.output.range } : {}) } };
  return { reason: `the output gives no ${scale}`, why: { code: 'no-value', scale } };
}

/**
 * The AI output an explainer is given, whichever way: a FHIR resource, a CDS card, or a bare score on the model's
 * scale (a probability when it lies in 0–1). `undefined` when none is given; throws, naming the problem, when the
 * given one cannot be read. `model` names the model card when the output does not (or to override it).
 */
export function aiOutputFrom(input: { resource?: unknown; cdsCard?: unknown; score?: number | null; model?: string }): AiOutput | undefined {
  let output: AiOutput;
  if (input.resource !== undefined) output = aiOutputFromResource(input.resource);
  else if (input.cdsCard !== undefined) output = aiOutputFromCdsCard(input.cdsCard);
  else if (input.score !== undefined && input.score !== null) {
    if (!Number.isFinite(input.score)) throw new Error(`score must be a number, got ${String(input.score)}`);
    output = { kind: 'score', score: input.score, probability: input.score >= 0 && input.score <= 1 ? input.score : undefined, modelCodings: [] };
  } else return undefined;
  return input.model ? { ...output, modelId: input.model } : output;
}
