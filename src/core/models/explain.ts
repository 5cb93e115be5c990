import { ageInYears, deathTime } from '../context/vital-status.js';
import { expressionDependencies } from '../triggers/dependencies.js';
import type { ConditionEvaluator, EvaluationData } from '../triggers/evaluator.js';
import { calibratedRisk, naturalFrequency, numberNeededToEvaluate, predictiveValueIntervals, predictiveValues, thresholdBand, type Interval } from '../risk/math.js';
import type { ModelCard } from './model-card.js';

export interface ScoreExplanation {
  /** The threshold band the score reaches, if any. */
  band?: ModelCard['thresholds'][number];
  /** Performance at that band's threshold (or the lowest threshold, to explain a score below all of them). */
  atThreshold?: ModelCard['performance']['atThresholds'][number];
  prevalence: number;
  prevalenceSource: 'local' | 'evaluation';
  ppv?: number;
  npv?: number;
  ppvInterval?: Interval;
  frequency?: ReturnType<typeof naturalFrequency>;
  numberNeededToEvaluate?: number;
  /**
   * The calibrated risk: the share of patients with this score who had the outcome in the evaluation (the card's
   * calibration bin the score falls in), with its 95 % interval when the bin's size is known.
   */
  calibrated?: { risk: number; interval?: Interval; scoreFrom: number; scoreTo: number; n?: number };
  /** One plain sentence for the collapsed explainer. */
  summary: string;
}

/**
 * What a score means at this site: the band it falls in, and what a positive means here — PPV and NPV recomputed
 * at the site's own prevalence when configured (else the evaluation's), as natural frequencies.
 */
export function explainScore(card: ModelCard, score: number, options: { localPrevalence?: number } = {}): ScoreExplanation {
  const band = thresholdBand(score, card.thresholds);
  const prevalenceSource = options.localPrevalence !== undefined ? 'local' : 'evaluation';
  const prevalence = options.localPrevalence ?? card.performance.evaluationPrevalence;
  const thresholdValue = band?.value ?? [...card.thresholds].sort((a, b) => a.value - b.value)[0]?.value;
  const atThreshold = card.performance.atThresholds.find((t) => t.threshold === thresholdValue);
  const explanation: ScoreExplanation = { band, atThreshold, prevalence, prevalenceSource, summary: '' };
  if (atThreshold) {
    const { ppv, npv } = predictiveValues({ sensitivity: atThreshold.sensitivity, specificity: atThreshold.specificity, prevalence });
    Object.assign(explanation, { ppv, npv, frequency: naturalFrequency(ppv), numberNeededToEvaluate: numberNeededToEvaluate(ppv) });
    if (atThreshold.sensitivityInterval && atThreshold.specificityInterval) {
      explanation.ppvInterval = predictiveValueIntervals(atThreshold.sensitivityInterval, atThreshold.specificityInterval, prevalence).ppv;
    }
  }
  const bins = card.performance.calibration;
  if (bins?.length) {
    try {
      const { risk, bin, interval } = calibratedRisk(score, bins);
      explanation.calibrated = { risk, scoreFrom: bin.scoreFrom, scoreTo: bin.scoreTo, ...(interval ? { interval } : {}), ...(bin.n ? { n: bin.n } : {}) };
    } catch {
      // A score outside the calibration table has no calibrated risk: nothing is extrapolated.
    }
  }
  const where = prevalenceSource === 'local' ? 'at this hospital' : 'in the evaluation';
  explanation.summary = band
    ? explanation.frequency
      ? `${band.label}: ${explanation.frequency.sentence.replace(/\.$/, '')} (${where}). ${band.action}`
      : `${band.label}. ${band.action}`
    : explanation.npv !== undefined
      ? `Below the alert threshold: about ${Math.round(explanation.npv * 100)} of 100 patients scored below it do not have the condition (${where}) — a low score does not rule it out.`
      : 'Below the alert threshold.';
  return explanation;
}

export type CriterionResult = 'met' | 'not-met' | 'unknown';

/** Why a criterion came out as it did, as a code and its facts (for words in any language). */
export type CriterionWhy =
  | { code: 'met' | 'not-met' | 'no-patient' | 'not-held' | 'error' | 'check-failed' }
  | { code: 'no-context'; parts: Array<'encounter' | 'user'> }
  | { code: 'not-loaded'; types: string[] }
  | { code: 'unknown'; detail: string };

export interface PopulationCheck {
  status: 'inside' | 'outside' | 'cannot-tell';
  /** `reason` in English (logs, the CLI); `why` for the explainer to put in the clinician's language. */
  criteria: Array<{ description: string; result: CriterionResult; reason: string; why?: CriterionWhy }>;
}

/**
 * Checks the patient's record against the card's intended-population criteria (FHIRPath). A criterion that reads
 * resource types that were not loaded, or that fails to evaluate, is "unknown" — never silently "met".
 */
export async function checkPopulation(card: ModelCard, data: EvaluationData, evaluator: ConditionEvaluator): Promise<PopulationCheck> {
  if (!data.patient) {
    return { status: 'cannot-tell', criteria: card.population.criteria.map((c) => ({ description: c.description, result: 'unknown', reason: 'no patient record is loaded', why: { code: 'no-patient' } })) };
  }
  const expressions = card.population.criteria.map((c) => c.expression);
  // FHIRPath gives empty, not false, when the record lacks what a criterion reads (no birth date): asked apart,
  // so a missing fact is "cannot tell", never "not met".
  const all = await evaluator.evaluate([...expressions, ...expressions.map((e) => `(${e}).exists()`)], data);
  const results = all.slice(0, expressions.length);
  const present = all.slice(expressions.length);
  const criteria = card.population.criteria.map((criterion, i) => {
    const deps = expressionDependencies(criterion.expression);
    const absentParts = (['encounter', 'user'] as const).filter((part) => deps.parts.includes(part) && !data[part]);
    if (absentParts.length) return { description: criterion.description, result: 'unknown' as const, reason: `no ${absentParts.join(' or ')} is in context`, why: { code: 'no-context' as const, parts: absentParts } };
    const missing = deps.resourceTypes.filter((type) => !(type in data.resources));
    if (missing.length) return { description: criterion.description, result: 'unknown' as const, reason: `the record's ${missing.join(', ')} resources were not loaded`, why: { code: 'not-loaded' as const, types: missing } };
    const r = results[i];
    if (!r.ok) return { description: criterion.description, result: 'unknown' as const, reason: `the criterion could not be evaluated (${r.error})`, why: { code: 'error' as const } };
    if (!r.value && r.unknown) return { description: criterion.description, result: 'unknown' as const, reason: `cannot tell: ${r.unknown}`, why: { code: 'unknown' as const, detail: r.unknown } };
    const p = present[i];
    if (!r.value && p.ok && !p.value) return { description: criterion.description, result: 'unknown' as const, reason: 'the record does not hold what this criterion reads', why: { code: 'not-held' as const } };
    return { description: criterion.description, result: r.value ? ('met' as const) : ('not-met' as const), reason: r.value ? 'met by the record' : 'not met by the record', why: { code: r.value ? ('met' as const) : ('not-met' as const) } };
  });
  const status = criteria.some((c) => c.result === 'not-met') ? 'outside' : criteria.some((c) => c.result === 'unknown') ? 'cannot-tell' : 'inside';
  return { status, criteria };
}

export interface RelevantSubgroup {
  subgroup: NonNullable<ModelCard['subgroups']>[number];
  /** Why it applies: the patient's age or sex, or the subgroup's FHIRPath criterion. */
  reason: 'age' | 'sex' | 'meets-criterion';
}

export { ageInYears } from '../context/vital-status.js';

/**
 * The card's subgroups this patient belongs to, so the explainer can show the figures that apply to them: by age
 * band and sex from the Patient resource, and by FHIRPath criterion for anything else. A subgroup whose facts the
 * record lacks (no birth date, no gender), or whose criterion fails to evaluate, is left out — never guessed.
 */
export async function relevantSubgroups(card: ModelCard, data: EvaluationData, evaluator: ConditionEvaluator, today: Date = new Date()): Promise<RelevantSubgroup[]> {
  const subgroups = card.subgroups ?? [];
  const patient = data.patient as { birthDate?: unknown; gender?: unknown } | undefined;
  if (!patient || subgroups.length === 0) return [];
  // A deceased patient's age is their age at death.
  const died = deathTime(data.patient, today.getTime());
  const age = ageInYears(patient.birthDate, died === undefined ? today : new Date(died));
  const gender = typeof patient.gender === 'string' ? patient.gender : undefined;
  const withCriterion = subgroups.filter((s) => s.criterion);
  const results = withCriterion.length ? await evaluator.evaluate(withCriterion.map((s) => s.criterion!), data) : [];
  const found: RelevantSubgroup[] = [];
  for (const subgroup of subgroups) {
    if (subgroup.ageRange) {
      const { min, max } = subgroup.ageRange;
      if (age === undefined || (min !== undefined && age < min) || (max !== undefined && age > max)) continue;
    }
    if (subgroup.sex && subgroup.sex !== gender) continue;
    if (subgroup.criterion) {
      const r = results[withCriterion.indexOf(subgroup)];
      if (!r?.ok || !r.value) continue;
      found.push({ subgroup, reason: 'meets-criterion' });
    } else if (subgroup.ageRange || subgroup.sex) found.push({ subgroup, reason: subgroup.ageRange ? 'age' : 'sex' });
  }
  return found;
}
