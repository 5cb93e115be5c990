import { XAPI_EXTENSION } from '../records/statements.js';

/**
 * xAPI statements (from an LRS or an exported file) read into the facts a report counts. Only ehr-guide's own
 * statements count (`context.platform` "ehr-guide" and an activity of ehr-guide's shape); every other statement is
 * skipped with the reason — another tool's, malformed, a verb ehr-guide does not send — never a crash.
 */
export type Fact =
  | { kind: 'ai'; learner: string; role?: string; at?: string; modelId: string; outcome: string; reason?: { code: string; display?: string }; population?: string; source?: string; contentType?: string }
  | { kind: 'lesson'; learner: string; role?: string; at?: string; itemId: string; passed: boolean; score?: number; durationMs?: number }
  | { kind: 'tour'; learner: string; role?: string; at?: string; itemId: string; durationMs?: number }
  | { kind: 'item'; learner: string; role?: string; at?: string; itemId: string; itemKind: string; event: 'shown' | 'got-it' | 'never' | 'snoozed' };

export interface ReadStatements {
  facts: Fact[];
  /** Statements not counted, by reason. */
  skipped: Record<string, number>;
}

const VERB = 'http://adlnet.gov/expapi/verbs/';
type Statement = {
  actor?: { account?: { homePage?: unknown; name?: unknown } };
  verb?: { id?: unknown };
  object?: { id?: unknown };
  result?: { response?: unknown; success?: unknown; score?: { scaled?: unknown }; duration?: unknown; extensions?: Record<string, unknown> };
  context?: { platform?: unknown; extensions?: Record<string, unknown> };
  timestamp?: unknown;
  stored?: unknown;
};

/** ISO 8601 duration (`PT1M32.5S`, `PT2H`) in milliseconds; undefined when unreadable. */
export function durationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!m || value === 'P' || value === 'PT') return undefined;
  const [d, h, min, s] = m.slice(1).map((x) => (x ? Number(x) : 0));
  return Math.round((((d * 24 + h) * 60 + min) * 60 + s) * 1000);
}

/** Reads every statement; what is not ehr-guide's, or is malformed, is counted in `skipped` with its reason. */
export function readStatements(statements: readonly unknown[]): ReadStatements {
  const facts: Fact[] = [];
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);
  for (const raw of statements) {
    const fact = readOne(raw, skip);
    if (fact) facts.push(fact);
  }
  return { facts, skipped };
}

function readOne(raw: unknown, skip: (reason: string) => void): Fact | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return void skip('not a statement object');
  const st = raw as Statement;
  const account = st.actor?.account;
  if (typeof account?.homePage !== 'string' || typeof account.name !== 'string' || !account.name) return void skip('no account actor (ehr-guide names learners by account only)');
  if (typeof st.verb?.id !== 'string' || typeof st.object?.id !== 'string') return void skip('no verb or object id');
  if (st.context?.platform !== 'ehr-guide') return void skip('from another tool (context.platform is not "ehr-guide")');
  const ext = st.context?.extensions ?? {};
  const role = typeof ext[`${XAPI_EXTENSION}/role`] === 'string' ? (ext[`${XAPI_EXTENSION}/role`] as string) : undefined;
  const at = typeof st.timestamp === 'string' ? st.timestamp : typeof st.stored === 'string' ? st.stored : undefined;
  const base = { learner: `${account.homePage}|${account.name}`, ...(role ? { role } : {}), ...(at && !Number.isNaN(Date.parse(at)) ? { at } : {}) };
  const object = st.object.id;
  const verb = st.verb.id;
  const result = st.result ?? {};
  let m: RegExpExecArray | null;
  if ((m = /\/models\/([^/]+)\/output$/.exec(object))) {
    if (verb === `${VERB}experienced`) return { kind: 'ai', ...base, modelId: decodeURIComponent(m[1]), outcome: 'explained' };
    if (verb !== `${VERB}responded` || typeof result.response !== 'string') return void skip('an AI-output statement without a response');
    const [outcome, code] = result.response.split(':');
    if (!['agree', 'override', 'accept', 'edit', 'reject'].includes(outcome)) return void skip(`an unknown AI response "${outcome}"`);
    const display = result.extensions?.[`${XAPI_EXTENSION}/override-reason`];
    return {
      kind: 'ai',
      ...base,
      modelId: decodeURIComponent(m[1]),
      outcome,
      ...(code ? { reason: { code, ...(typeof display === 'string' ? { display } : {}) } } : {}),
      ...(typeof ext[`${XAPI_EXTENSION}/population`] === 'string' ? { population: ext[`${XAPI_EXTENSION}/population`] as string } : {}),
      ...(typeof ext[`${XAPI_EXTENSION}/output-source`] === 'string' ? { source: ext[`${XAPI_EXTENSION}/output-source`] as string } : {}),
      ...(typeof ext[`${XAPI_EXTENSION}/content-type`] === 'string' ? { contentType: ext[`${XAPI_EXTENSION}/content-type`] as string } : {}),
    };
  }
  if ((m = /\/lessons\/([^/]+)$/.exec(object))) {
    if (verb !== `${VERB}passed` && verb !== `${VERB}failed`) return void skip('a lesson statement that is neither passed nor failed');
    const score = typeof result.score?.scaled === 'number' && result.score.scaled >= 0 && result.score.scaled <= 1 ? result.score.scaled : undefined;
    const duration = durationMs(result.duration);
    return { kind: 'lesson', ...base, itemId: decodeURIComponent(m[1]), passed: verb === `${VERB}passed`, ...(score !== undefined ? { score } : {}), ...(duration !== undefined ? { durationMs: duration } : {}) };
  }
  if ((m = /\/tours\/([^/]+)$/.exec(object)) && verb === `${VERB}completed`) {
    const duration = durationMs(result.duration);
    return { kind: 'tour', ...base, itemId: decodeURIComponent(m[1]), ...(duration !== undefined ? { durationMs: duration } : {}) };
  }
  if ((m = /\/(tip|tour|lesson)s\/([^/]+)$/.exec(object))) {
    const event = verb === `${VERB}experienced` ? 'shown' : verb === `${VERB}responded` && ['got-it', 'never', 'snoozed'].includes(result.response as string) ? (result.response as 'got-it' | 'never' | 'snoozed') : undefined;
    if (!event) return void skip('an item statement ehr-guide does not send');
    return { kind: 'item', ...base, itemId: decodeURIComponent(m[2]), itemKind: m[1], event };
  }
  return void skip('an activity that is not ehr-guide’s');
}
