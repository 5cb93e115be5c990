// The sandbox's SMART authorization server and FHIR server, driven over HTTP the way a SMART client does.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import { createSandbox } from '../../sandbox/sandbox.mjs';

let server;
let sb;
let base;
const redirectUri = () => `${base}/app/index.html`;

before(async () => {
  sb = await createSandbox();
  server = createServer(async (req, res) => {
    if (!(await sb.handle(req, res))) res.writeHead(404).end();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  sb.setBaseUrl(base);
  sb.registerClient('test-app', [redirectUri()]);
});
after(() => server.close());

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorize(extra = {}) {
  const { verifier, challenge } = pkce();
  const params = { response_type: 'code', client_id: 'test-app', redirect_uri: redirectUri(), scope: 'launch openid fhirUser patient/*.rs online_access', state: 'st-1', aud: `${base}/fhir`, code_challenge: challenge, code_challenge_method: 'S256', ...extra };
  const res = await fetch(`${base}/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
  return { res, verifier, location: res.headers.get('location') ? new URL(res.headers.get('location')) : undefined };
}

const exchange = (code, verifier, extra = {}) =>
  fetch(`${base}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: 'test-app', redirect_uri: redirectUri(), code_verifier: verifier, ...extra }) });

describe('sandbox SMART server', () => {
  it('publishes smart-configuration with S256 PKCE and a CapabilityStatement', async () => {
    const config = await (await fetch(`${base}/fhir/.well-known/smart-configuration`)).json();
    assert.deepEqual(config.code_challenge_methods_supported, ['S256']);
    assert.ok(config.capabilities.includes('launch-ehr') && config.capabilities.includes('permission-v2'));
    const cs = await (await fetch(`${base}/fhir/metadata`)).json();
    assert.equal(cs.resourceType, 'CapabilityStatement');
    assert.equal(cs.fhirVersion, '4.0.1');
  });

  it('completes an EHR launch: code → token with launch context, id_token with fhirUser; codes are single-use', async () => {
    const patient = sb.patients[0].id;
    const launch = sb.createLaunch({ patient, user: 'Practitioner/dr-demo', fhirContext: [{ reference: `RiskAssessment/sepsis-${patient}` }], intent: 'explain-risk' });
    const { location, verifier } = await authorize({ launch });
    assert.equal(location.searchParams.get('state'), 'st-1');
    const code = location.searchParams.get('code');
    const body = await (await exchange(code, verifier)).json();
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.patient, patient);
    assert.equal(body.intent, 'explain-risk');
    assert.deepEqual(body.fhirContext, [{ reference: `RiskAssessment/sepsis-${patient}` }]);
    assert.equal(body.tenant, 'sandbox-hospital');
    assert.ok(body.refresh_token);
    const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1], 'base64url').toString());
    assert.equal(claims.fhirUser, `${base}/fhir/Practitioner/dr-demo`);
    assert.equal((await exchange(code, verifier)).status, 400, 'a code works once');
  });

  it('rejects a wrong PKCE verifier, a wrong redirect_uri, an unknown client and a plain challenge', async () => {
    const { location } = await authorize({ launch: sb.createLaunch({ patient: sb.patients[0].id, user: 'Practitioner/dr-demo' }) });
    const wrong = await exchange(location.searchParams.get('code'), pkce().verifier);
    assert.equal(wrong.status, 400);
    assert.match((await wrong.json()).error_description, /PKCE/);
    const badRedirect = await fetch(`${base}/authorize?${new URLSearchParams({ client_id: 'test-app', redirect_uri: 'https://evil.example/cb', response_type: 'code' })}`, { redirect: 'manual' });
    assert.equal(badRedirect.status, 400);
    const plain = await authorize({ code_challenge_method: 'plain' });
    assert.equal(plain.location.searchParams.get('error'), 'invalid_request');
    const unknown = await fetch(`${base}/authorize?client_id=nope`, { redirect: 'manual' });
    assert.equal(unknown.status, 400);
  });

  it('shows a sign-in and patient picker for a standalone launch, and honours the choice', async () => {
    const { res, verifier } = await authorize({ scope: 'launch/patient openid fhirUser patient/*.rs' });
    const page = await res.text();
    assert.match(page, /choose a patient/i);
    const form = new URLSearchParams({ response_type: 'code', client_id: 'test-app', redirect_uri: redirectUri(), scope: 'launch/patient openid fhirUser patient/*.rs', state: 'st-2', aud: `${base}/fhir`, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256', user: 'Practitioner/rn-demo', patient: sb.patients[1].id, decision: 'allow' });
    const posted = await fetch(`${base}/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    const code = new URL(posted.headers.get('location')).searchParams.get('code');
    const body = await (await exchange(code, verifier)).json();
    assert.equal(body.patient, sb.patients[1].id);
    assert.equal(body.refresh_token, undefined, 'no refresh token without offline_access or online_access');
  });

  it('serves FHIR with paging, confines patient scopes, expires and refreshes tokens, and fails on request', async () => {
    const patient = sb.patients[0].id;
    const { location, verifier } = await authorize({ launch: sb.createLaunch({ patient, user: 'Practitioner/dr-demo' }) });
    const tok = await (await exchange(location.searchParams.get('code'), verifier)).json();
    const get = (path, t = tok.access_token) => fetch(`${base}/fhir/${path}`, { headers: { Authorization: `Bearer ${t}` } });
    const page1 = await (await get(`Observation?patient=${patient}&_count=5`)).json();
    assert.equal(page1.entry.length, 5);
    const next = page1.link.find((l) => l.relation === 'next').url;
    assert.ok(next.startsWith(`${base}/fhir/`));
    const page2 = await (await fetch(next, { headers: { Authorization: `Bearer ${tok.access_token}` } })).json();
    assert.notEqual(page2.entry[0].resource.id, page1.entry[0].resource.id);
    assert.equal((await get(`Condition?patient=${sb.patients[2].id}`)).status, 403);
    assert.equal((await get('Patient/does-not-exist')).status, 403);
    assert.equal((await get(`Patient/${patient}`)).status, 200);
    await fetch(`${base}/__sandbox/expire-tokens`, { method: 'POST' });
    assert.equal((await get(`Patient/${patient}`)).status, 401);
    const refreshed = await (await fetch(`${base}/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: tok.refresh_token }) })).json();
    assert.equal((await get(`Patient/${patient}`, refreshed.access_token)).status, 200);
    for (const status of [404, 429, 500, 503]) {
      await fetch(`${base}/__sandbox/fhir-failure`, { method: 'POST', body: JSON.stringify({ status }) });
      assert.equal((await get(`Patient/${patient}`, refreshed.access_token)).status, status);
    }
    assert.equal((await get(`Patient/${patient}`, refreshed.access_token)).status, 200, 'failures are one-shot');
  });

  it('denies the next launch when asked to', async () => {
    await fetch(`${base}/__sandbox/fail-next-launch`, { method: 'POST' });
    const { location } = await authorize({ launch: sb.createLaunch({ patient: sb.patients[0].id, user: 'Practitioner/dr-demo' }) });
    assert.equal(location.searchParams.get('error'), 'access_denied');
  });
});

describe('sandbox CDS Hooks service', () => {
  it('answers discovery and patient-view with a card for a flagged patient, none for the others; takes feedback', async () => {
    const discovery = await (await fetch(`${base}/cds-services`)).json();
    assert.deepEqual(discovery.services.map((s) => [s.hook, s.id]), [['patient-view', 'ehr-guide-sepsis']]);
    const answers = [];
    for (const patient of sb.patients) {
      const res = await fetch(`${base}/cds-services/ehr-guide-sepsis`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ hook: 'patient-view', hookInstance: randomBytes(8).toString('hex'), context: { patientId: patient.id, userId: 'Practitioner/dr-demo' } }) });
      assert.equal(res.status, 200);
      answers.push((await res.json()).cards);
    }
    // Synthetic scores 3, 8, 17, 3 (the three Synthea patients, then the hand-made Rosa) against the alert
    // threshold 6: two cards, two quiet patients.
    assert.deepEqual(answers.map((cards) => cards.length), [0, 1, 1, 0]);
    const card = answers[1][0];
    assert.equal(card.source.topic.code, 'example-sepsis-model');
    assert.equal(card.links[0].type, 'smart');
    const bad = await fetch(`${base}/cds-services/ehr-guide-sepsis`, { method: 'POST', body: JSON.stringify({ hook: 'order-sign' }) });
    assert.equal(bad.status, 400);
    const fb = await fetch(`${base}/cds-services/ehr-guide-sepsis/feedback`, { method: 'POST', body: JSON.stringify({ feedback: [{ card: card.uuid, outcome: 'overridden', outcomeTimestamp: new Date().toISOString() }] }) });
    assert.equal(fb.status, 200);
    assert.equal((await (await fetch(`${base}/__sandbox/cds-feedback`)).json()).at(-1).card, card.uuid);
    assert.equal((await fetch(`${base}/cds-services/ehr-guide-sepsis/feedback`, { method: 'POST', body: '{"feedback":[{"outcome":"maybe"}]}' })).status, 400);
  });
});

describe('sandbox LRS (xAPI Statements API)', () => {
  const lrs = () => `${base}/__sandbox/xapi/statements`;
  const V = { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' };
  const statement = (i, verb = 'http://adlnet.gov/expapi/verbs/responded') => ({
    actor: { objectType: 'Agent', account: { homePage: 'https://hospital.example', name: `l${i}` } },
    verb: { id: verb, display: { 'en-US': 'responded' } },
    object: { objectType: 'Activity', id: 'https://ehr-guide.dev/xapi/activities/models/m/output' },
    result: { response: 'agree' },
    context: { platform: 'ehr-guide' },
  });

  it('validates what it receives (a bad statement rejects the batch, 400, with the problems), needs the version header', async () => {
    assert.equal((await fetch(lrs(), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(statement(0)) })).status, 400);
    const bad = await fetch(lrs(), { method: 'POST', headers: V, body: JSON.stringify([statement(1), { actor: {}, verb: { id: 'not an iri' }, object: {} }]) });
    assert.equal(bad.status, 400);
    const problems = (await bad.json()).problems;
    assert.ok(problems.some((p) => p.startsWith('statements[1] actor')), problems.join('\n'));
    const ok = await fetch(lrs(), { method: 'POST', headers: V, body: JSON.stringify(Array.from({ length: 250 }, (_, i) => statement(i))) });
    assert.equal(ok.status, 200);
    assert.equal((await ok.json()).length, 250);
  });

  it('answers queries as StatementResults with `more` pages, filtered by verb and time', async () => {
    let url = `${lrs()}?verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/responded')}&limit=100`;
    const got = [];
    let pages = 0;
    while (url) {
      const r = await fetch(url, { headers: V });
      assert.equal(r.headers.get('x-experience-api-version'), '1.0.3');
      const body = await r.json();
      got.push(...body.statements);
      pages++;
      url = body.more ? new URL(body.more, base).href : '';
    }
    assert.equal(got.length >= 250, true);
    assert.equal(pages >= 3, true);
    assert.ok(got.every((s) => s.stored && s.id));
    const none = await (await fetch(`${lrs()}?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { headers: V })).json();
    assert.deepEqual(none, { statements: [], more: '' });
  });
});
