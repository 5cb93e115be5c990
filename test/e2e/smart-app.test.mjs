// The SMART app as a health system deploys it: dist/app copied alone to a plain static server on another origin
// than the sandbox EHR, configured only by its ehr-guide.config.json, launched by the sandbox. Least privilege,
// the granted scope read back, the role when the EHR has no PractitionerRole, `intent`, the banner, one
// smart-configuration fetch and one Patient read; then every launch failure with its own sentence.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { openPage, useDemo } from './browser.mjs';

const demo = useDemo();
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.map': 'application/json' };
const app = { dir: '', origin: '', server: undefined };
const control = (path, body = {}) => fetch(`${demo.server.url}__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) });
const ROSA = 'demo-rosa-alvarez';

function config(extra = {}) {
  return { clientId: 'not-this-one', clients: { [demo.server.fhirBaseUrl]: 'hospital-app' }, packs: ['packs/ehr-skills.json', 'packs/ai-literacy.json', 'packs/model-cards.json'], ...extra };
}

// Started by the first describe (after the root hooks have started the demo server).
async function startApp() {
  if (app.server) return;
  app.dir = mkdtempSync(join(tmpdir(), 'ehr-guide-app-'));
  cpSync('dist/app', app.dir, { recursive: true });
  writeFileSync(join(app.dir, 'ehr-guide.config.json'), JSON.stringify(config()));
  // A plain static file server: no rewrites, no proxy, nothing but the files.
  app.server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(app.dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(app.dir + sep)) return res.writeHead(404).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  });
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  app.origin = `http://127.0.0.1:${app.server.address().port}`;
  demo.server.sandbox.registerClient('hospital-app', [`${app.origin}/index.html`]);
}
after(() => new Promise((resolve) => (app.server ? app.server.close(resolve) : resolve())));

async function launchApp(context = {}) {
  await control('reset');
  const launch = demo.server.sandbox.createLaunch({ patient: ROSA, user: 'Practitioner/dr-demo', ...context });
  const opened = await openPage(demo.browser, 'about:blank');
  const requests = [];
  opened.page.on('request', (r) => requests.push(r.url()));
  await opened.page.goto(`${app.origin}/launch.html?iss=${encodeURIComponent(demo.server.fhirBaseUrl)}&launch=${launch}`);
  return { ...opened, requests };
}

const listed = (page, id) => page.waitForFunction((i) => Boolean(document.querySelector('ehr-help-panel')?.shadowRoot?.querySelector(`li[data-item="${i}"]`)), id, { timeout: 15000 });
const statusOf = (page) => page.evaluate(() => ({ kind: document.getElementById('status').dataset.kind ?? '', text: document.getElementById('status').textContent, detail: document.getElementById('status').dataset.detail ?? '' }));
const waitKind = (page, kind) => page.waitForFunction((k) => document.getElementById('status')?.dataset.kind === k, kind, { timeout: 15000 });

describe('the SMART app deployed alone', () => {
  before(startApp);
  it('launches from its own origin, configured only by its JSON file, with least privilege and no double reads', async () => {
    const { page, context, problems, requests } = await launchApp();
    await listed(page, 'orders.older-adult-opioid');
    // Every file the app loaded came from its own folder; everything else went to the EHR's FHIR and auth endpoints.
    const fhir = new URL(demo.server.fhirBaseUrl);
    for (const url of requests) {
      const u = new URL(url);
      if (u.origin === app.origin) continue;
      assert.equal(u.origin, fhir.origin, `only the EHR besides the app's own origin: ${url}`);
      // FHIR, the authorization endpoints, and the style document the token response named (smart_style_url).
      assert.match(u.pathname, /^\/(fhir\/|authorize|token|sandbox\/smart-style\.json$)/, `only FHIR, the authorization endpoints and the SMART style: ${url}`);
    }
    assert.equal(requests.filter((u) => u.includes('/.well-known/smart-configuration')).length, 1, 'one smart-configuration fetch');
    assert.equal(requests.filter((u) => new URL(u).pathname === `/fhir/Patient/${ROSA}`).length, 1, 'one Patient read');
    const scope = await page.evaluate(() => JSON.parse(sessionStorage.getItem(JSON.parse(sessionStorage.getItem('SMART_KEY')))).tokenResponse.scope.split(' '));
    assert.ok(!scope.some((s) => s.includes('*')), `no wildcard scopes: ${scope.join(' ')}`);
    assert.ok(!scope.includes('online_access'), 'online_access only when configured');
    assert.ok(scope.includes('patient/MedicationRequest.rs') && scope.includes('user/PractitionerRole.rs'), scope.join(' '));
    assert.ok(!scope.some((s) => s.startsWith('patient/Claim') || s.startsWith('patient/Immunization')), 'nothing the packs do not read');
    // The client id of this issuer from the configuration, the tenant in the learner identity.
    assert.ok(requests.some((u) => u.includes('/authorize') && new URL(u).searchParams.get('client_id') === 'hospital-app'));
    const who = await page.evaluate(() => ({ home: document.querySelector('ehr-guide').learnerHomePage, id: document.querySelector('ehr-guide').learnerId }));
    assert.match(who.home, /\/tenants\/sandbox-hospital$/);
    assert.match(who.id, /^lrn-[0-9a-f]{32}$/, 'a pseudonymous learner id, not the fhirUser');
    assert.equal((await statusOf(page)).text, '');
    // The AI outputs in the record (the sandbox's two RiskAssessments for Rosa), each with the library's explainer.
    await page.waitForFunction(() => document.querySelectorAll('#ai-record ehr-ai-explainer').length === 2, null, { timeout: 10000 });
    assert.equal(await page.evaluate(() => document.getElementById('banner').hidden), true, 'need_patient_banner false: the EHR shows its own');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows the patient banner when the EHR does not say it shows its own', async () => {
    const { page, context } = await launchApp({ need_patient_banner: undefined });
    await listed(page, 'orders.older-adult-opioid');
    assert.match(await page.textContent('#banner'), /^Rosa Alvarez · female · born \d{4}-\d{2}-\d{2}$/);
    await context.close();
  });

  it('a scope the EHR does not grant: what needs it is listed as unavailable, the rest still works', async () => {
    await control('reset');
    const { page, context, problems } = await (async () => {
      const launch = demo.server.sandbox.createLaunch({ patient: ROSA, user: 'Practitioner/dr-demo' });
      await control('drop-scopes', { scopes: ['patient/MedicationRequest.rs'] });
      return openPage(demo.browser, `${app.origin}/launch.html?iss=${encodeURIComponent(demo.server.fhirBaseUrl)}&launch=${launch}`);
    })();
    await page.waitForSelector('#unavailable li[data-item="orders.older-adult-opioid"]', { timeout: 15000 });
    assert.match(await page.textContent('#unavailable li[data-item="orders.older-adult-opioid"]'), /needs .*MedicationRequest/);
    assert.equal((await statusOf(page)).kind, '', 'no error: the app did not ask for what it may not read');
    await listed(page, 'ai.when-to-override');
    assert.deepEqual(problems, []);
    await control('reset');
    await context.close();
  });

  it("takes the role from the Practitioner's qualification when the EHR keeps no PractitionerRole, and says so", async () => {
    const { page, context } = await launchApp({ user: 'Practitioner/np-demo' });
    await page.waitForFunction(() => document.getElementById('role')?.hidden === false, null, { timeout: 15000 });
    assert.match(await page.textContent('#role'), /from your qualification in the EHR/);
    assert.equal(await page.$eval('#role-select', (s) => s.value), 'nurse');
    await page.selectOption('#role-select', 'pharmacist');
    assert.equal(await page.evaluate(() => document.querySelector('ehr-guide').engine.role), 'pharmacist', 'the clinician can correct it');
    await context.close();
  });

  it('opens the item the launch intent names; an intent naming a workflow point opens on that screen', async () => {
    const { page, context } = await launchApp({ intent: 'orders.anticoagulant-older-adult' });
    await page.waitForSelector('#intent ehr-tip[item="orders.anticoagulant-older-adult"]', { timeout: 15000 });
    await context.close();
    const second = await launchApp({ intent: 'order-select' });
    await listed(second.page, 'orders.older-adult-opioid');
    assert.equal(await second.page.evaluate(() => document.querySelector('ehr-guide').engine.context.workflow), 'order-select');
    await second.context.close();
  });
});

describe('the SMART app: one honest sentence per cause', () => {
  before(startApp);
  const opened = async (path) => openPage(demo.browser, `${app.origin}/${path}`);
  for (const [title, path, kind, sentence] of [
    ['opened without a launch', 'index.html', 'no-launch', /opened without a launch/],
    ['a state this browser did not start', 'index.html?code=abc&state=forged', 'state-mismatch', /did not match a launch started here/],
    ['an error with a forged state (state first)', 'index.html?error=access_denied&state=forged', 'state-mismatch', /did not match/],
    ['an EHR that cannot be reached', 'launch.html?iss=http%3A%2F%2F127.0.0.1%3A9%2Ffhir&launch=x', 'network', /could not be reached/],
  ]) {
    it(title, async () => {
      const { page, context } = await opened(path);
      await waitKind(page, kind);
      assert.match((await statusOf(page)).text, sentence);
      await context.close();
    });
  }

  for (const [title, setup, kind, sentence] of [
    ['the EHR does not know the client (token 401 invalid_client)', ['token-error', { status: 401, error: 'invalid_client', description: 'unknown client' }], 'client-unknown', /does not recognise this app's registration/],
    ['the redirect URI does not match (invalid_grant)', ['token-error', { status: 400, error: 'invalid_grant', description: 'redirect_uri does not match the authorization request' }], 'redirect-mismatch', /redirect URI/],
    ['the EHR refuses the scope (invalid_scope)', ['authorize-error', { error: 'invalid_scope' }], 'scope-refused', /refused the access/],
    ['the client is not allowed (unauthorized_client)', ['authorize-error', { error: 'unauthorized_client' }], 'client-unknown', /registration/],
    ['an expired or used code (invalid_grant)', ['token-error', { status: 400, error: 'invalid_grant', description: 'unknown, used or expired code' }], 'launch-expired', /took too long or was already used/],
  ]) {
    it(title, async () => {
      await control('reset');
      const launch = demo.server.sandbox.createLaunch({ patient: ROSA, user: 'Practitioner/dr-demo' });
      await control(...setup);
      const { page, context } = await openPage(demo.browser, `${app.origin}/launch.html?iss=${encodeURIComponent(demo.server.fhirBaseUrl)}&launch=${launch}`);
      await waitKind(page, kind);
      assert.match((await statusOf(page)).text, sentence);
      await control('reset');
      await context.close();
    });
  }

  it('an invalid configuration names the field, on the launch page and the app page', async () => {
    const file = join(app.dir, 'ehr-guide.config.json');
    const good = readFileSync(file, 'utf8');
    writeFileSync(file, JSON.stringify({ ...config(), packs: [], scopes: { version: 'v9' } }));
    try {
      for (const path of [`launch.html?iss=${encodeURIComponent(demo.server.fhirBaseUrl)}&launch=x`, 'index.html']) {
        const { page, context } = await opened(path);
        await waitKind(page, 'config-invalid');
        const { text, detail } = await statusOf(page);
        assert.match(text, /not configured correctly/);
        assert.match(detail, /\$\.packs: must list at least one pack/);
        assert.match(detail, /\$\.scopes\.version: must be auto, v1 or v2/);
        assert.match(await page.textContent('.detail'), /\$\.packs/);
        await context.close();
      }
    } finally {
      writeFileSync(file, good);
    }
  });
});
