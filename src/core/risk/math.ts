/**
 * Risk math for explaining AI outputs: pure functions, no DOM. Every input is checked, and an out-of-range value
 * throws a RangeError that names the parameter and the value, because a wrong number here would mislead a
 * clinician at the bedside.
 */

export interface Interval {
  low: number;
  high: number;
}

function proportion(name: string, value: unknown, { open = false } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1 || (open && (value === 0 || value === 1))) {
    throw new RangeError(`${name} must be a proportion ${open ? 'strictly between 0 and 1' : 'from 0 to 1'} (e.g. 0.33 for 33 %), got ${JSON.stringify(value)}`);
  }
  return value;
}

export interface TestCharacteristics {
  /** True-positive rate at the threshold, 0–1. */
  sensitivity: number;
  /** True-negative rate at the threshold, 0–1. */
  specificity: number;
  /** Share of patients who have the condition, 0–1 (this site's, when known). */
  prevalence: number;
}

/** Positive and negative predictive value from sensitivity, specificity and prevalence (Bayes' theorem). */
export function predictiveValues({ sensitivity, specificity, prevalence }: TestCharacteristics): { ppv: number; npv: number } {
  const se = proportion('sensitivity', sensitivity);
  const sp = proportion('specificity', specificity);
  const p = proportion('prevalence', prevalence);
  const truePositive = se * p;
  const falsePositive = (1 - sp) * (1 - p);
  const trueNegative = sp * (1 - p);
  const falseNegative = (1 - se) * p;
  if (truePositive + falsePositive === 0) throw new RangeError('no patient would be flagged (sensitivity 0 and specificity 1, or prevalence 0 with specificity 1): PPV is undefined');
  if (trueNegative + falseNegative === 0) throw new RangeError('every patient would be flagged: NPV is undefined');
  return { ppv: truePositive / (truePositive + falsePositive), npv: trueNegative / (trueNegative + falseNegative) };
}

/**
 * PPV and NPV with intervals from intervals on sensitivity and specificity. PPV rises with both, NPV rises with
 * both, so the bounds come from evaluating at the interval ends.
 */
export function predictiveValueIntervals(
  sensitivity: Interval,
  specificity: Interval,
  prevalence: number,
): { ppv: Interval; npv: Interval } {
  for (const [name, i] of [['sensitivity', sensitivity], ['specificity', specificity]] as const) {
    proportion(`${name}.low`, i.low);
    proportion(`${name}.high`, i.high);
    if (i.low > i.high) throw new RangeError(`${name}: low (${i.low}) is above high (${i.high})`);
  }
  const low = predictiveValues({ sensitivity: sensitivity.low, specificity: specificity.low, prevalence });
  const high = predictiveValues({ sensitivity: sensitivity.high, specificity: specificity.high, prevalence });
  return { ppv: { low: low.ppv, high: high.ppv }, npv: { low: low.npv, high: high.npv } };
}

/** Wilson score interval for a proportion of `successes` in `n` (95 % by default). */
export function wilsonInterval(successes: number, n: number, z = 1.959963984540054): Interval {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`n must be a whole number above 0, got ${JSON.stringify(n)}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) throw new RangeError(`successes must be a whole number from 0 to n (${n}), got ${JSON.stringify(successes)}`);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Natural frequencies ("of 100 patients flagged like this, about 13 have the condition"), which clinicians read
 * correctly far more often than percentages (Gigerenzer et al. 2007). Rounded to whole patients.
 */
export function naturalFrequency(ppv: number, per = 100): { per: number; withCondition: number; without: number; sentence: string } {
  proportion('ppv', ppv);
  if (!Number.isInteger(per) || per < 1) throw new RangeError(`per must be a whole number of patients, got ${JSON.stringify(per)}`);
  const withCondition = Math.round(ppv * per);
  return {
    per,
    withCondition,
    without: per - withCondition,
    sentence: `Of ${per} patients flagged like this, about ${withCondition} ${withCondition === 1 ? 'has' : 'have'} the condition and ${per - withCondition} ${per - withCondition === 1 ? 'does' : 'do'} not.`,
  };
}

/** Number needed to evaluate: flagged patients to work up to find one with the condition (1 / PPV). */
export function numberNeededToEvaluate(ppv: number): number {
  proportion('ppv', ppv, { open: false });
  if (ppv === 0) throw new RangeError('ppv is 0: no flagged patient has the condition, so the number needed to evaluate is infinite');
  return 1 / ppv;
}

export interface CalibrationBin {
  /** Lower bound of the score bin (inclusive). */
  scoreFrom: number;
  /** Upper bound (exclusive, except for the last bin). */
  scoreTo: number;
  /** Observed share with the outcome among patients in the bin, 0–1. */
  observed: number;
  /** Patients in the bin, when the card gives it (for an interval). */
  n?: number;
}

/**
 * The calibrated risk for a score from the model card's calibration table: the observed outcome rate of the bin
 * the score falls in, with its Wilson interval when the bin's size is known.
 */
export function calibratedRisk(score: number, bins: readonly CalibrationBin[]): { risk: number; bin: CalibrationBin; interval?: Interval } {
  if (typeof score !== 'number' || !Number.isFinite(score)) throw new RangeError(`score must be a number, got ${JSON.stringify(score)}`);
  if (!Array.isArray(bins) || bins.length === 0) throw new RangeError('the calibration table is empty');
  const sorted = [...bins].sort((a, b) => a.scoreFrom - b.scoreFrom);
  sorted.forEach((b, i) => {
    if (!(b.scoreFrom < b.scoreTo)) throw new RangeError(`calibration bin ${i}: scoreFrom (${b.scoreFrom}) must be below scoreTo (${b.scoreTo})`);
    proportion(`calibration bin ${i} observed`, b.observed);
    if (i > 0 && b.scoreFrom < sorted[i - 1].scoreTo) throw new RangeError(`calibration bins ${i - 1} and ${i} overlap`);
  });
  const last = sorted[sorted.length - 1];
  const bin = sorted.find((b) => score >= b.scoreFrom && (score < b.scoreTo || (b === last && score === b.scoreTo)));
  if (!bin) throw new RangeError(`score ${score} is outside the calibration table (${sorted[0].scoreFrom} to ${last.scoreTo})`);
  const result: { risk: number; bin: CalibrationBin; interval?: Interval } = { risk: bin.observed, bin };
  if (bin.n && Number.isInteger(bin.n) && bin.n > 0) result.interval = wilsonInterval(Math.round(bin.observed * bin.n), bin.n);
  return result;
}

/** Where a score stands against a model's thresholds, highest threshold it reaches first. */
export function thresholdBand<T extends { value: number }>(score: number, thresholds: readonly T[]): T | undefined {
  if (typeof score !== 'number' || !Number.isFinite(score)) throw new RangeError(`score must be a number, got ${JSON.stringify(score)}`);
  return [...thresholds].sort((a, b) => b.value - a.value).find((t) => score >= t.value);
}
