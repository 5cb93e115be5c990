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
  /** On a score: agree / override. On AI-produced content (a drafted note, a suggested problem): accept / edit / reject. */
  outcome: 'agree' | 'override' | 'accept' | 'edit' | 'reject';
  /** Override or reject reason as a code (from the CDS card's overrideReasons or ehr-guide's list). */
  reason?: { code: string; system?: string; display?: string };
  source: 'risk-assessment' | 'observation' | 'cds-card' | 'score' | 'ai-content';
  /** For AI content: the kind of resource it is (DocumentReference, Condition…), never its id or text. */
  contentType?: string;
  /** The threshold band's label, or "below threshold"; never the score. */
  band?: string;
  population?: 'inside' | 'outside' | 'cannot-tell';
}

const SAFE_ID = /^[A-Za-z0-9._~-]{1,200}$/;

type StatementOptions = { activityBase?: string; platform?: string; language?: string };

/** Checks what every statement carries — a URL-safe content id and a pseudonymous learner — and builds the actor. */
function actorFor(idName: string, id: string, learner: LearnerAccount): XapiStatement['actor'] {
  if (!SAFE_ID.test(id)) throw new TypeError(`${idName} must be 1–200 URL-safe characters, got ${JSON.stringify(id)}`);
  if (!/^https?:\/\//.test(learner.homePage)) throw new TypeError(`learner.homePage must be an http(s) URL, got ${JSON.stringify(learner.homePage)}`);
  if (!learner.name || /@|\s/.test(learner.name)) throw new TypeError('learner.name must be a pseudonymous id (no spaces, no e-mail address)');
  return { objectType: 'Agent', account: { homePage: learner.homePage, name: learner.name } };
}

const activityBase = (options: StatementOptions) => (options.activityBase ?? DEFAULT_ACTIVITY_BASE).replace(/\/+$/, '');

/** The statement for a clinician's feedback on an AI output ("responded" to the model's output). */
export function aiFeedbackStatement(feedback: AiFeedback, learner: LearnerAccount, options: StatementOptions = {}): XapiStatement {
  const actor = actorFor('modelId', feedback.modelId, learner);
  const base = activityBase(options);
  const response = feedback.outcome === 'override' || feedback.outcome === 'reject' ? `${feedback.outcome}${feedback.reason ? `:${feedback.reason.code}` : ''}` : feedback.outcome;
  const extensions: Record<string, unknown> = { [`${XAPI_EXTENSION}/output-source`]: feedback.source };
  if (feedback.modelVersion) extensions[`${XAPI_EXTENSION}/model-version`] = feedback.modelVersion;
  if (feedback.band) extensions[`${XAPI_EXTENSION}/threshold-band`] = feedback.band;
  if (feedback.population) extensions[`${XAPI_EXTENSION}/population`] = feedback.population;
  if (feedback.contentType && /^[A-Z][A-Za-z]{1,63}$/.test(feedback.contentType)) extensions[`${XAPI_EXTENSION}/content-type`] = feedback.contentType;
  if (feedback.reason?.system) extensions[`${XAPI_EXTENSION}/override-reason-system`] = feedback.reason.system;
  return {
    actor,
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

const VERBS = {
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
};

/** ISO 8601 duration from milliseconds (`PT1M32.5S`), as xAPI's `result.duration` wants. */
export function isoDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 100) / 10);
  const minutes = Math.floor(total / 60);
  const seconds = Math.round((total - minutes * 60) * 10) / 10;
  return `PT${minutes ? `${minutes}M` : ''}${seconds || !minutes ? `${seconds}S` : ''}`;
}

export interface LessonResult {
  itemId: string;
  version: string;
  title: string;
  /** Share of questions right, 0–1. */
  score: number;
  passed: boolean;
  durationMs: number;
}

/** The statement for a finished lesson's knowledge check: passed or failed, with the scaled score and time taken. */
export function lessonStatement(result: LessonResult, learner: LearnerAccount, options: StatementOptions = {}): XapiStatement {
  if (!(result.score >= 0 && result.score <= 1)) throw new RangeError(`score must be from 0 to 1, got ${JSON.stringify(result.score)}`);
  const actor = actorFor('itemId', result.itemId, learner);
  const base = activityBase(options);
  return {
    actor,
    verb: result.passed ? VERBS.passed : VERBS.failed,
    object: {
      objectType: 'Activity',
      id: `${base}/lessons/${result.itemId}`,
      definition: { type: 'http://adlnet.gov/expapi/activities/lesson', name: { [options.language ?? 'en-US']: result.title } },
    },
    result: { score: { scaled: Math.round(result.score * 1000) / 1000 }, success: result.passed, completion: true, duration: isoDuration(result.durationMs) },
    context: { platform: options.platform ?? 'ehr-guide', language: options.language ?? 'en-US', extensions: { [`${XAPI_EXTENSION}/item-version`]: result.version } },
  };
}

/** The statement for a guided tour walked to its end. */
export function tourStatement(tour: { itemId: string; version: string; title: string; durationMs: number }, learner: LearnerAccount, options: StatementOptions = {}): XapiStatement {
  const actor = actorFor('itemId', tour.itemId, learner);
  const base = activityBase(options);
  return {
    actor,
    verb: VERBS.completed,
    object: { objectType: 'Activity', id: `${base}/tours/${tour.itemId}`, definition: { type: 'http://adlnet.gov/expapi/activities/module', name: { [options.language ?? 'en-US']: tour.title } } },
    result: { completion: true, duration: isoDuration(tour.durationMs) },
    context: { platform: options.platform ?? 'ehr-guide', language: options.language ?? 'en-US', extensions: { [`${XAPI_EXTENSION}/item-version`]: tour.version } },
  };
}

const PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

/** A checklist's statement: the list as the activity, its progress in percent, and what else the verb needs. */
function checklistAt(list: { itemId: string; version: string; title: string }, verb: XapiStatement['verb'], progress: number, completion: boolean, extensions: Record<string, unknown>, learner: LearnerAccount, options: StatementOptions): XapiStatement {
  return {
    actor: actorFor('itemId', list.itemId, learner),
    verb,
    object: { objectType: 'Activity', id: `${activityBase(options)}/checklists/${list.itemId}`, definition: { type: 'http://adlnet.gov/expapi/activities/course', name: { [options.language ?? 'en-US']: list.title } } },
    result: { completion, extensions: { [PROGRESS]: Math.round(progress) } },
    context: { platform: options.platform ?? 'ehr-guide', language: options.language ?? 'en-US', extensions: { [`${XAPI_EXTENSION}/item-version`]: list.version, ...extensions } },
  };
}

/** The statement for a checklist whose every entry is done (an onboarding list completed). */
export function checklistStatement(list: { itemId: string; version: string; title: string; count: number }, learner: LearnerAccount, options: StatementOptions = {}): XapiStatement {
  return checklistAt(list, VERBS.completed, 100, true, { [`${XAPI_EXTENSION}/entries`]: list.count }, learner, options);
}

/** The statement for one checklist entry done: `progressed`, with the list's progress in percent. */
export function checklistEntryStatement(list: { itemId: string; version: string; title: string; entryId: string; progress: number }, learner: LearnerAccount, options: StatementOptions = {}): XapiStatement {
  return checklistAt(list, { id: 'http://adlnet.gov/expapi/verbs/progressed', display: { 'en-US': 'progressed' } }, list.progress, false, { [`${XAPI_EXTENSION}/entry`]: list.entryId }, learner, options);
}

const EXPERIENCED = { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } };

/** What a clinician did with a pushed item: saw it, "Got it", "Don't show again", "Remind me later". */
export type ItemEvent = 'shown' | 'got-it' | 'never' | 'snoozed';

/**
 * The statement for a tip (or another pushed item) shown or dismissed: `experienced` when it showed, `responded`
 * with `got-it`, `never` or `snoozed` when the clinician dismissed it — for the training lead's report of which
 * items clinicians reject most.
 */
export function itemStatement(event: ItemEvent, item: { itemId: string; version: string; title: string; kind: string }, learner: LearnerAccount, options: StatementOptions = {}): XapiStatement {
  const actor = actorFor('itemId', item.itemId, learner);
  const base = activityBase(options);
  const kind = /^[a-z-]{1,20}$/.test(item.kind) ? item.kind : 'item';
  return {
    actor,
    verb: event === 'shown' ? EXPERIENCED : RESPONDED,
    object: { objectType: 'Activity', id: `${base}/${kind}s/${item.itemId}`, definition: { type: 'http://adlnet.gov/expapi/activities/interaction', name: { [options.language ?? 'en-US']: item.title } } },
    ...(event === 'shown' ? {} : { result: { response: event } }),
    context: { platform: options.platform ?? 'ehr-guide', language: options.language ?? 'en-US', extensions: { [`${XAPI_EXTENSION}/item-version`]: item.version } },
  };
}

/** The learner's role (physician, nurse…) on a statement, for reports by role; never a name or an id. */
export function withRole(statement: XapiStatement, role: string | undefined): XapiStatement {
  if (!role || !/^[a-z-]{1,40}$/.test(role)) return statement;
  const context = (statement.context ?? {}) as { extensions?: Record<string, unknown> };
  return { ...statement, context: { ...context, extensions: { ...(context.extensions ?? {}), [`${XAPI_EXTENSION}/role`]: role } } };
}

/** The statement for an AI output explained: the clinician opened its explanation ("experienced" the output). */
export function aiExplainedStatement(model: { modelId: string; modelName?: string; source: AiFeedback['source'] }, learner: LearnerAccount, options: StatementOptions = {}): XapiStatement {
  const actor = actorFor('modelId', model.modelId, learner);
  const base = activityBase(options);
  return {
    actor,
    verb: EXPERIENCED,
    object: { objectType: 'Activity', id: `${base}/models/${model.modelId}/output`, definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', name: { [options.language ?? 'en-US']: `Output of ${model.modelName ?? model.modelId}` } } },
    context: { platform: options.platform ?? 'ehr-guide', language: options.language ?? 'en-US', extensions: { [`${XAPI_EXTENSION}/output-source`]: model.source } },
  };
}
