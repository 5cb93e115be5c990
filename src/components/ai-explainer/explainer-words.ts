import type { CdsCoding } from '../../core/cds/cds-response.js';
import type { OffScale } from '../../core/models/ai-output.js';
import { outputFacts, type OutputFacts } from '../../core/models/describe.js';
import type { AiOutput } from '../../core/models/ai-output.js';
import type { ModelCard } from '../../core/models/model-card.js';
import type { CriterionWhy, PopulationCheck, ScoreExplanation } from '../../core/models/explain.js';
import type { Words as ElementWords } from '../../controllers/words.js';
import type messages from '../../i18n/compiled/en/explainer.js';
import { DEFAULT_REASON_SYSTEM } from './feedback-detail.js';

export type ExplainerMessage = keyof typeof messages;
/** The explainer's words and number formats in the clinician's language. */
export type Words = ElementWords<ExplainerMessage>;

/** The output in words: "Score 72 on a 0–100 scale (not a probability) for sepsis", "Probabilidad estimada…". */
export function outputWords(w: Words, facts: OutputFacts): string {
  const about = 'outcome' in facts && facts.outcome !== undefined && facts.kind !== 'outcome' ? { outcome: facts.outcome } : undefined;
  switch (facts.kind) {
    case 'flagged':
      return about ? w.t('outFlaggedFor', about) : w.t('outFlagged');
    case 'not-flagged':
      return about ? w.t('outNotFlaggedFor', about) : w.t('outNotFlagged');
    case 'probability':
      return w.t(about ? 'outProbabilityFor' : 'outProbability', { p: w.percent(facts.probability), ...about });
    case 'score': {
      const range = facts.range ? `${w.number(facts.range.min, 1)}–${w.number(facts.range.max, 1)}` : 'none';
      return w.t(about ? 'outScoreFor' : 'outScore', { score: w.number(facts.score, 1), range, notProbability: String(facts.notProbability), ...about });
    }
    case 'qualitative':
      return w.t(about ? 'outQualitativeFor' : 'outQualitative', { rating: facts.rating, ...about });
    case 'outcome':
      return facts.outcome;
    default:
      return w.t('outAny');
  }
}

/** Why the output cannot be placed against the thresholds. */
export function offScaleWords(w: Words, why: OffScale | undefined, english: string | undefined): string | undefined {
  if (!why) return english;
  switch (why.code) {
    case 'out-of-range':
      return w.t('reasonOutOfRange', { score: w.number(why.score), min: w.number(why.min), max: w.number(why.max) });
    case 'qualitative':
      return w.t('reasonQualitative', { rating: why.rating, scale: why.scale });
    case 'probability-for-score':
      return w.t('reasonProbabilityForScore', { range: why.range ? `${w.number(why.range.min)}–${w.number(why.range.max)}` : w.t('ownScale') });
    default:
      return w.t('reasonNoValue', { scale: why.scale });
  }
}

/** "at this hospital" or "in the evaluation". */
export const whereWords = (w: Words, e: ScoreExplanation) => w.t(e.prevalenceSource === 'local' ? 'atHospital' : 'inEvaluation');

/** The collapsed explainer's one sentence. */
export function summaryWords(w: Words, e: ScoreExplanation): string {
  const where = whereWords(w, e);
  if (e.band) {
    return e.frequency
      ? w.t('summaryBand', { band: e.band.label, per: w.number(e.frequency.per), with: e.frequency.withCondition, without: e.frequency.without, where, action: e.band.action })
      : w.t('summaryBandOnly', { band: e.band.label, action: e.band.action });
  }
  return e.npv !== undefined ? w.t('summaryBelow', { npv: w.number(Math.round(e.npv * 100)), where }) : w.t('summaryBelowOnly');
}

/** The icon array's sentence: "Of 100 patients flagged like this, about 13 have the condition and 87 do not." */
export function frequencyWords(w: Words, f: NonNullable<ScoreExplanation['frequency']>): string {
  return w.t('frequency', { per: w.number(f.per), with: f.withCondition, without: f.without });
}

/** Why a population criterion is met, not met or unknown. */
export function criterionWords(w: Words, c: PopulationCheck['criteria'][number]): string {
  const why: CriterionWhy | undefined = c.why;
  if (!why) return c.reason;
  switch (why.code) {
    case 'met':
      return w.t('whyMet');
    case 'not-met':
      return w.t('whyNotMet');
    case 'no-patient':
      return w.t('whyNoPatient');
    case 'not-held':
      return w.t('whyNotHeld');
    case 'error':
      return w.t('whyError');
    case 'check-failed':
      return w.t('whyCheckFailed');
    case 'no-context':
      return w.t('whyNoContext', { parts: w.list(why.parts.map((p) => w.t(p === 'encounter' ? 'partEncounter' : 'partUser')), 'disjunction') });
    case 'not-loaded':
      return w.t('whyNotLoaded', { types: w.list(why.types) });
    default:
      return w.t('whyUnknown', { detail: why.detail });
  }
}

const REASON_WORDS: Record<string, ExplainerMessage> = {
  'clinical-judgement': 'reasonClinicalJudgement',
  'outside-population': 'reasonOutsidePopulation',
  'data-wrong': 'reasonDataWrong',
  'already-addressed': 'reasonAlreadyAddressed',
};

/** An override reason's label: ehr-guide's own in the clinician's language, a CDS service's as it sent it. */
export function reasonWords(w: Words, r: CdsCoding): string {
  const key = r.system === DEFAULT_REASON_SYSTEM ? REASON_WORDS[r.code] : undefined;
  return key ? w.t(key) : (r.display ?? r.code);
}

/** The explainer's first line: the output in words, then what it means (or why that cannot be said). */
export function headlineWords(w: Words, output: AiOutput, card: ModelCard | undefined, e: { explanation?: ScoreExplanation; value?: number; reason?: string; why?: OffScale }) {
  const words = outputWords(w, outputFacts(output, card));
  if (!card) return { words, summary: w.t('noCard') };
  if (e.value !== undefined && e.explanation) return { words, summary: summaryWords(w, e.explanation) };
  const reason = offScaleWords(w, e.why, e.reason);
  return { words, summary: reason ? w.t('cannotPlace', { reason }) : '' };
}
