// The sandbox's stand-in for a hospital LMS launching cmi5 units, and the xAPI document resources a cmi5 unit
// reads (State and Agent Profile, xAPI 1.0.3 §7.4 and §7.6), beside the sandbox LRS's Statements resource:
//   POST /__sandbox/cmi5/launch  { item, moveOn?, masteryScore?, launchMode? } → { url, registration, activityId, actor }
//        the LMS's part (cmi5 §8–§10): LMS.LaunchData written to the State resource, a one-time fetch URL
//        issued, the `launched` statement stored (with the cmi5 context the AU must copy)
//   POST /__sandbox/cmi5/fetch/<token>  → { "auth-token": … } once; again → the cmi5 §8.2.3 error document
//   GET|PUT|POST|DELETE /__sandbox/xapi/activities/state?activityId&agent&stateId&registration
//   GET /__sandbox/xapi/agents/profile?agent&profileId  → the cmi5LearnerPreferences the LMS set at launch
import { randomUUID } from 'node:crypto';

const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const SESSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MOVE_ON = ['Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed', 'NotApplicable'];

export function createLms({ statements, baseUrl, send, readBody }) {
  const states = new Map();
  const profiles = new Map();
  const tokens = new Map();
  const stateKey = (q) => JSON.stringify([q.get('activityId'), q.get('agent') && JSON.stringify(JSON.parse(q.get('agent'))), q.get('stateId'), q.get('registration') ?? '']);

  return async function handle(req, res, url) {
    const q = url.searchParams;
    if (url.pathname === '/__sandbox/cmi5/launch' && req.method === 'POST') {
      const body = JSON.parse((await readBody(req)) || '{}');
      const moveOn = body.moveOn ?? 'CompletedAndPassed';
      if (!MOVE_ON.includes(moveOn)) return send(res, 400, { error: `moveOn must be one of ${MOVE_ON.join(', ')}` }), true;
      const item = String(body.item ?? 'lesson.reading-a-risk-score');
      const activityId = `${baseUrl()}/lms/courses/onboarding/au/${encodeURIComponent(item)}`;
      const registration = randomUUID();
      const sessionId = randomUUID();
      const actor = { objectType: 'Agent', account: { homePage: baseUrl(), name: String(body.learner ?? 'resident-cmi5') } };
      const contextTemplate = { contextActivities: { grouping: [{ objectType: 'Activity', id: `${baseUrl()}/lms/courses/onboarding` }] }, extensions: { [SESSION]: sessionId } };
      const launchData = { contextTemplate, launchMode: body.launchMode ?? 'Normal', launchMethod: 'AnyWindow', moveOn, ...(body.masteryScore !== undefined ? { masteryScore: Number(body.masteryScore) } : {}) };
      states.set(JSON.stringify([activityId, JSON.stringify(actor), 'LMS.LaunchData', registration]), JSON.stringify(launchData));
      // cmi5 §11: the learner's preferences, kept by the LMS in the Agent Profile resource.
      profiles.set(JSON.stringify([JSON.stringify(actor), 'cmi5LearnerPreferences']), JSON.stringify({ languagePreference: body.language ?? 'en-US', audioPreference: 'off' }));
      const token = randomUUID();
      tokens.set(token, { used: false });
      const now = new Date().toISOString();
      statements.push({ id: randomUUID(), actor, verb: { id: 'http://adlnet.gov/expapi/verbs/launched', display: { 'en-US': 'launched' } }, object: { objectType: 'Activity', id: activityId }, context: { ...contextTemplate, registration, contextActivities: { ...contextTemplate.contextActivities, category: [{ id: CMI5 }] }, extensions: { ...contextTemplate.extensions, 'https://w3id.org/xapi/cmi5/context/extensions/launchmode': launchData.launchMode, 'https://w3id.org/xapi/cmi5/context/extensions/moveon': moveOn } }, timestamp: now, stored: now });
      const launch = new URLSearchParams({ item, endpoint: `${baseUrl()}/__sandbox/xapi/`, fetch: `${baseUrl()}/__sandbox/cmi5/fetch/${token}`, actor: JSON.stringify(actor), registration, activityId });
      return send(res, 200, { url: `/demo/lesson.html?${launch}`, registration, activityId, actor }), true;
    }
    const fetchToken = /^\/__sandbox\/cmi5\/fetch\/([\w-]+)$/.exec(url.pathname);
    if (fetchToken && req.method === 'POST') {
      const entry = tokens.get(fetchToken[1]);
      // cmi5 §8.2.3: the fetch URL answers once; a second call gets an error document (still HTTP 200).
      if (!entry || entry.used) return send(res, 200, { 'error-code': '1', 'error-text': 'the fetch URL was already used' }), true;
      entry.used = true;
      return send(res, 200, { 'auth-token': Buffer.from(`cmi5:${fetchToken[1]}`).toString('base64') }), true;
    }
    if (url.pathname === '/__sandbox/xapi/activities/state') {
      if (!req.headers['x-experience-api-version'] && req.method !== 'OPTIONS') return send(res, 400, { error: 'X-Experience-API-Version header required' }), true;
      let key;
      try {
        key = stateKey(q);
      } catch {
        return send(res, 400, { error: 'agent must be JSON' }), true;
      }
      const headers = { 'X-Experience-API-Version': '1.0.3' };
      if (req.method === 'GET') return states.has(key) ? send(res, 200, JSON.parse(states.get(key)), headers) : send(res, 404, { error: 'no such state document' }, headers), true;
      if (req.method === 'PUT' || req.method === 'POST') {
        states.set(key, (await readBody(req)) || '{}');
        res.writeHead(204, { ...headers, 'Access-Control-Allow-Origin': '*' });
        return res.end(), true;
      }
      if (req.method === 'DELETE') {
        states.delete(key);
        res.writeHead(204, headers);
        return res.end(), true;
      }
      return false;
    }
    if (url.pathname === '/__sandbox/xapi/agents/profile' && req.method === 'GET') {
      let key;
      try {
        key = JSON.stringify([JSON.stringify(JSON.parse(q.get('agent'))), q.get('profileId')]);
      } catch {
        return send(res, 400, { error: 'agent must be JSON' }), true;
      }
      const headers = { 'X-Experience-API-Version': '1.0.3' };
      return profiles.has(key) ? send(res, 200, JSON.parse(profiles.get(key)), headers) : send(res, 404, { error: 'no such profile' }, headers), true;
    }
    return false;
  };
}
