import * as v from 'valibot';
import { validateWith, type Validated } from '../validate.js';

/**
 * The model card format (`ehr-guide-model-card/1`), carried in content packs under `modelCards`: what the
 * explainer and Model Facts elements read. It covers the Model Facts label's content, CHAI's applied model card,
 * and each of the 31 ONC HTI-1 predictive-DSI source attributes (45 CFR 170.315(b)(11)(iv)(B)) as a named field,
 * where "not available" is an allowed value, as the rule allows.
 */
export const MODEL_CARD_FORMAT = 'ehr-guide-model-card/1';

const TEXT = (max = 4000) => v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));
const ID = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9._-]{0,127}$/, 'must be 1–128 characters of a–z, 0–9, ".", "_" or "-"'));
const PROPORTION = v.pipe(v.number(), v.minValue(0, 'must be a proportion from 0 to 1 (0.33 for 33 %)'), v.maxValue(1, 'must be a proportion from 0 to 1 (0.33 for 33 %)'));
const INTERVAL = v.strictObject({ low: PROPORTION, high: PROPORTION });
const DATE = v.pipe(v.string(), v.regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD'));

/** The 31 HTI-1 predictive DSI source attributes, in the rule's nine groups. */
export const HTI1_ATTRIBUTES = {
  'Details and output': ['developerNameAndContact', 'fundingSource', 'outputDescription', 'outputType'],
  Purpose: ['intendedUse', 'intendedPatientPopulation', 'intendedUsers', 'decisionMakingRole'],
  'Cautioned out-of-scope use': ['outOfScopeUse', 'knownRisksAndLimitations'],
  'Development details and input features': ['trainingInclusionExclusionCriteria', 'demographicInputFeatures', 'trainingDemographicRepresentativeness', 'trainingDataRelevance'],
  'Fairness in development': ['fairnessApproach', 'biasManagement'],
  'External validation process': ['externalValidationSetting', 'externalValidationParty', 'externalDemographicRepresentativeness', 'externalValidationProcess'],
  'Quantitative measures of performance': ['validitySameSource', 'fairnessSameSource', 'validityExternal', 'fairnessExternal', 'outcomeEvaluationReferences'],
  'Ongoing maintenance': ['validityMonitoringProcess', 'validityInLocalData', 'fairnessMonitoringProcess', 'fairnessInLocalData'],
  'Update and continued validation or fairness assessment schedule': ['updateProcess', 'performanceCorrectionFrequency'],
} as const;

export type Hti1Attribute = (typeof HTI1_ATTRIBUTES)[keyof typeof HTI1_ATTRIBUTES][number];
export const HTI1_ATTRIBUTE_NAMES = Object.values(HTI1_ATTRIBUTES).flat() as Hti1Attribute[];

const ATTRIBUTE_VALUE = v.union([v.literal('not available'), TEXT(4000)], 'must be text, or "not available"');

export const Hti1Schema = v.strictObject(Object.fromEntries(HTI1_ATTRIBUTE_NAMES.map((name) => [name, v.optional(ATTRIBUTE_VALUE)])) as Record<Hti1Attribute, v.OptionalSchema<typeof ATTRIBUTE_VALUE, undefined>>);

export const ThresholdPerformanceSchema = v.strictObject({
  threshold: v.number(),
  sensitivity: PROPORTION,
  specificity: PROPORTION,
  sensitivityInterval: v.optional(INTERVAL),
  specificityInterval: v.optional(INTERVAL),
  /** As reported at the evaluation's prevalence; the explainer recomputes at the site's own prevalence. */
  ppv: v.optional(PROPORTION),
  npv: v.optional(PROPORTION),
});

export const ModelCardSchema = v.strictObject({
  format: v.literal(MODEL_CARD_FORMAT, `must be "${MODEL_CARD_FORMAT}"`),
  id: ID,
  version: TEXT(60),
  name: TEXT(200),
  /** Marks an illustrative card built for training, not a vendor's own. */
  trainingExample: v.optional(v.boolean()),
  /**
   * Codes that name this model in FHIR and CDS Hooks: a RiskAssessment's `method` coding, an Observation's
   * `method` or `device` coding, a CDS card's `source.topic` coding or `source.url`. A coding matches when its code
   * equals `value` and, where the identifier gives a system, its system too. A coding whose code is the card's `id`
   * always matches.
   */
  identifiers: v.optional(v.array(v.strictObject({ system: v.optional(TEXT(500)), value: TEXT(500) }))),
  /** The pack item (usually a lesson) that teaches how to read this model's output. */
  lessonId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
  developer: v.strictObject({ name: TEXT(200), contact: TEXT(300) }),
  releaseDate: DATE,
  summary: TEXT(),
  mechanism: v.optional(TEXT()),
  intendedUse: TEXT(),
  intendedUsers: v.pipe(v.array(TEXT(200)), v.minLength(1, 'name at least one intended user')),
  decisionRole: v.picklist(['informs', 'augments', 'replaces'], 'must be informs, augments or replaces (clinical management)'),
  outOfScope: v.array(TEXT()),
  inputs: v.array(TEXT(500)),
  output: v.strictObject({
    type: v.picklist(['prediction', 'classification', 'recommendation', 'evaluation', 'analysis', 'other']),
    description: TEXT(),
    range: v.optional(v.strictObject({ min: v.number(), max: v.number() })),
    units: v.optional(TEXT(60)),
    /**
     * `probability` when the output is a probability from 0 to 1 (thresholds are probabilities too, and a FHIR
     * `probabilityDecimal` is the output); `score` when it is a score on its own scale, which a RiskAssessment
     * carries in the `model-score` extension. Default: `probability` for a 0–1 range or none, else `score`.
     */
    scale: v.optional(v.picklist(['probability', 'score'], 'must be probability or score')),
  }),
  thresholds: v.array(v.strictObject({ value: v.number(), label: TEXT(100), action: TEXT(1000) })),
  performance: v.strictObject({
    auroc: v.optional(PROPORTION),
    aurocInterval: v.optional(INTERVAL),
    /** Prevalence of the outcome in the evaluation the figures come from. */
    evaluationPrevalence: PROPORTION,
    atThresholds: v.array(ThresholdPerformanceSchema),
    calibration: v.optional(v.array(v.strictObject({ scoreFrom: v.number(), scoreTo: v.number(), observed: PROPORTION, n: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }))),
  }),
  validation: v.array(v.strictObject({ sites: TEXT(500), period: TEXT(100), population: TEXT(1000), validatedBy: TEXT(300), external: v.boolean() })),
  /**
   * Performance in subgroups. The explainer shows a subgroup's figures to a clinician whose patient belongs to it:
   * by `ageRange` and `sex` (read from the patient's birth date and gender), or by `criterion`, FHIRPath on the
   * patient (as population criteria are), for anything else.
   */
  subgroups: v.optional(v.array(v.strictObject({
    attribute: v.picklist(['age', 'sex', 'race', 'ethnicity', 'language', 'payer', 'site', 'other']),
    group: TEXT(200),
    /** Age band in whole years (`max` inclusive): matched against the patient's birth date. */
    ageRange: v.optional(v.pipe(v.strictObject({ min: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))), max: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))) }), v.check((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not be above max'))),
    /** Administrative sex (FHIR `Patient.gender`) the figures are for. */
    sex: v.optional(v.picklist(['female', 'male', 'other', 'unknown'], 'must be a FHIR administrative gender: female, male, other or unknown')),
    criterion: v.optional(TEXT(2000)),
    auroc: v.optional(PROPORTION), sensitivity: v.optional(PROPORTION), specificity: v.optional(PROPORTION), note: v.optional(TEXT(1000)) }))),
  /** Intended population as FHIRPath conditions on the patient's record (same variables as pack triggers). */
  population: v.strictObject({ criteria: v.array(v.strictObject({ description: TEXT(500), expression: TEXT(2000) })) }),
  limitations: v.array(TEXT()),
  knownBiases: v.array(TEXT()),
  verifyBeforeActing: v.array(TEXT(500)),
  monitoring: v.strictObject({ validity: TEXT(), fairness: TEXT(), updates: TEXT() }),
  hti1: Hti1Schema,
  sources: v.pipe(v.array(v.strictObject({ citation: TEXT(1000), url: v.optional(v.pipe(v.string(), v.url('must be a URL'))) })), v.minLength(1, 'cite at least one source for the figures')),
});

export type ModelCard = v.InferOutput<typeof ModelCardSchema>;

/** The scale of a card's output (see `output.scale`). */
export function outputScale(card: Pick<ModelCard, 'output'>): 'probability' | 'score' {
  if (card.output.scale) return card.output.scale;
  const range = card.output.range;
  return !range || (range.min === 0 && range.max === 1) ? 'probability' : 'score';
}

/** HTI-1 attributes a card leaves out entirely (neither text nor "not available"): flagged by Model Facts and `validate`. */
export function missingHti1Attributes(card: Pick<ModelCard, 'hti1'>): Hti1Attribute[] {
  return HTI1_ATTRIBUTE_NAMES.filter((name) => card.hti1[name] === undefined);
}

/** The HTI-1 source attributes as the rule words them (45 CFR 170.315(b)(11)(iv)(B)), for display. */
export const HTI1_LABELS: Record<Hti1Attribute, string> = {
  developerNameAndContact: 'Name and contact information for the developer',
  fundingSource: 'Funding source of the technical implementation',
  outputDescription: 'Description of the value the intervention produces as output',
  outputType: 'Output type (prediction, classification, recommendation, evaluation, analysis or other)',
  intendedUse: 'Intended use of the intervention',
  intendedPatientPopulation: 'Intended patient population(s)',
  intendedUsers: 'Intended user(s)',
  decisionMakingRole: 'Intended decision-making role (informs, augments or replaces clinical management)',
  outOfScopeUse: 'Tasks, situations or populations where a user is cautioned against applying the intervention',
  knownRisksAndLimitations: 'Known risks, inappropriate settings and uses, and known limitations',
  trainingInclusionExclusionCriteria: 'Exclusion and inclusion criteria that influenced the training data set',
  demographicInputFeatures: 'Use of race, ethnicity, language, sexual orientation, gender identity, sex, date of birth, social determinants of health and health status assessment as input features',
  trainingDemographicRepresentativeness: 'Description of demographic representativeness of the training data',
  trainingDataRelevance: 'Description of relevance of training data to intended deployed setting',
  fairnessApproach: 'Approach to ensure the output is fair',
  biasManagement: 'Approaches to manage, reduce or eliminate bias',
  externalValidationSetting: 'Description of the data source, clinical setting or environment where validity and fairness were assessed',
  externalValidationParty: 'Party that conducted the external testing',
  externalDemographicRepresentativeness: 'Description of demographic representativeness of the external data',
  externalValidationProcess: 'Description of the external validation process',
  validitySameSource: 'Validity of the intervention in test data derived from the same source as the training data',
  fairnessSameSource: 'Fairness of the intervention in test data derived from the same source as the training data',
  validityExternal: 'Validity of the intervention in data external to or from a different source than the training data',
  fairnessExternal: 'Fairness of the intervention in data external to or from a different source than the training data',
  outcomeEvaluationReferences: 'References to evaluation of use of the intervention on outcomes (e.g. morbidity, mortality, length of stay), including bibliographic citations',
  validityMonitoringProcess: 'Process and frequency by which validity is monitored over time',
  validityInLocalData: 'Validity of the intervention in local data',
  fairnessMonitoringProcess: 'Process and frequency by which fairness is monitored over time',
  fairnessInLocalData: 'Fairness of the intervention in local data',
  updateProcess: 'Process and frequency by which the intervention is updated',
  performanceCorrectionFrequency: 'Frequency and process by which performance is corrected when risks are identified',
};

/** Checks a model card handed to an element; the message names the first problem and where (`card.performance…`). */
export const validateModelCard = (value: unknown): Validated<ModelCard> => validateWith(ModelCardSchema, value, 'model card', 'card');
