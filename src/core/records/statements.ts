/**
 * xAPI statements (xAPI 1.0.3) for what clinicians do with guidance. Privacy by construction: the actor is an
 * `account` with a pseudonymous learner id (never mbox, name or fhirUser); objects are content ids (a model card,
 * an item), never a patient, encounter or resource id; context carries only de-identified facts (model version,
 * where the output came from, the threshold band, the population check's status). No score value travels: a
 * score with a time could single a patient out.
 */
export interface XapiStatement {
  id?: string;
  actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
  verb: { id: string; display: Record<string, string> };
  object: { objectType: 'Activity'; id: string; definition?: Record<string, unknown> };
  result?: Record<string, unknown>;
  context?: Record<string, unknown>;
  timestamp?: string;
}

export const XAPI_EXTENSION = 'https://ehr-guide.dev/xapi/extensions';
export const DEFAULT_ACTIVITY_BASE = 'https://ehr-guide.dev/xapi/activities';
const RESPONDED = { id: 'http://adlnet.gov/expapi/verbs/responded', display: { 'en-US': 'responded' } };

export interface LearnerAccount {
  /** The health system's (tenant's) home page: identifies whose accounts these are. */
  homePage: string;
  /** Pseudonymous learner id (see `pseudonymousLearnerId`). */
  name: string;
}

export interface AiFeedback {
  modelId: string;
  modelVersion?: string;
  modelName?: string;
  outcome: 'agree' | 'override';
  /** Override reason as a code (from the CDS card's overrideReasons or ehr-guide's list). */
  reason?: { code: string; system?: string; display?: string };
  source: 'risk-assessment' | 'observation' | 'cds-card' | 'score';
  /** The threshold band's label, or "below threshold"; never the score. */
  band?: string;
  population?: 'inside' | 'outside' | 'cannot-tell';
}

const SAFE_ID = /^[A-Za-z0-9._~-]{1,200}$/;

/** The statement for a clinician's feedback on an AI output ("responded" to the model's output). */
export function aiFeedbackStatement(feedback: AiFeedback, learner: LearnerAccount, options: { activityBase?: string; platform?: string; language?: string } = {}): XapiStatement {
  if (!SAFE_ID.test(feedback.modelId)) throw new TypeError(`modelId must be 1–200 URL-safe characters, got ${JSON.stringify(feedback.modelId)}`);
  if (!/^https?:\/\//.test(learner.homePage)) throw new TypeError(`learner.homePage must be an http(s) URL, got ${JSON.stringify(learner.homePage)}`);
  if (!learner.name || /@|\s/.test(learner.name)) throw new TypeError('learner.name must be a pseudonymous id (no spaces, no e-mail address)');
  const base = (options.activityBase ?? DEFAULT_ACTIVITY_BASE).replace(/\/+$/, '');
  const response = feedback.outcome === 'agree' ? 'agree' : `override${feedback.reason ? `:${feedback.reason.code}` : ''}`;
  const extensions: Record<string, unknown> = { [`${XAPI_EXTENSION}/output-source`]: feedback.source };
  if (feedback.modelVersion) extensions[`${XAPI_EXTENSION}/model-version`] = feedback.modelVersion;
  if (feedback.band) extensions[`${XAPI_EXTENSION}/threshold-band`] = feedback.band;
  if (feedback.population) extensions[`${XAPI_EXTENSION}/population`] = feedback.population;
  if (feedback.reason?.system) extensions[`${XAPI_EXTENSION}/override-reason-system`] = feedback.reason.system;
  return {
    actor: { objectType: 'Agent', account: { homePage: learner.homePage, name: learner.name } },
    verb: RESPONDED,
    object: {
      objectType: 'Activity',
      id: `${base}/models/${feedback.modelId}/output`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        name: { [options.language ?? 'en-US']: `Output of ${feedback.modelName ?? feedback.modelId}` },
      },
    },
    result: { response, ...(feedback.reason?.display ? { extensions: { [`${XAPI_EXTENSION}/override-reason`]: feedback.reason.display } } : {}) },
    context: { platform: options.platform ?? 'ehr-guide', language: options.language ?? 'en-US', extensions },
  };
}
