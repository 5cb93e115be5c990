// SMART on FHIR end to end: the demo EHR launches the ehr-guide app in its app frame (authorize → token → FHIR
// reads → guidance for this patient), a standalone launch with the patient picker, a denied launch, a token that
// expires and is refreshed, and the FHIR server failing in each way — asserting what the clinician sees and that
// the host page keeps working.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useDemo } from './browser.mjs';

const demo = useDemo();

const control = (path, body = {}) => fetch(`${demo.server.url}__sandbox/${path}`, { method: 'POST', body: JSON.stringify(body) });

// What the clinician sees in the app: the status line, the items the help panel lists for this patient, the
// patient in context, the banner and the role line.
async function appState(frame) {
  return frame.evaluate(async () => {
    const guide = document.querySelector('ehr-guide');
    const panel = document.querySelector('ehr-help-panel');
    const visible = [...(panel?.shadowRoot?.querySelectorAll('li[data-item]') ?? [])].map((li) => li.dataset.item);
    const banner = document.getElementById('banner');
    return { status: document.getElementById('status').textContent, kind: document.getElementById('status').dataset.kind ?? '', visible, patient: guide?.engine.context.patient?.id ?? null, banner: banner.hidden ? '' : banner.textContent, role: document.getElementById('role').hidden ? '' : document.getElementById('role').textContent };
  });
}

/** Waits until the help panel lists `id` for this patient. */
const listed = (frame, id) => frame.waitForFunction((i) => Boolean(document.querySelector('ehr-help-panel')?.shadowRoot?.querySelector(`li[data-item="${i}"]`)), id, { timeout: 10000 });

async function openAppFor(page, name) {
  await page.click(`#patient-list button:has-text("${name}")`);
  await page.waitForFunction((n) => document.querySelector('.banner .name')?.textContent.startsWith(n), name);
  await page.click('#open-app');
  await page.waitForFunction(() => document.getElementById('app-frame')?.contentWindow?.location.pathname === '/app/index.html', null, { timeout: 10000 });
  const frame = page.frames().find((f) => f.url().includes('/app/index.html'));
  return frame;
}

describe('SMART on FHIR', () => {
  it('EHR launch from the demo EHR: authorize → token → FHIR reads → this patient\'s guidance in the app frame', async () => {
    await control('reset');
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    const frame = await openAppFor(page, 'Chet');
    await listed(frame, 'ai.automation-bias');
    const state = await appState(frame);
    // Chet's record says he died in 1968, aged 29, with his oxycodone order left "active": no older-adult guidance.
    assert.ok(!state.visible.includes('orders.older-adult-opioid'), 'ages are taken at death');
    assert.ok(state.visible.includes('ai.automation-bias'), 'the sandbox RiskAssessments were read');
    assert.ok(!state.visible.includes('results.thiazide-electrolytes'));
    assert.equal(state.banner, '', 'an EHR launch with need_patient_banner=false shows no banner');
    assert.match(state.role, /physician.*from your PractitionerRole in the EHR/, 'the app says where the role came from');
    // The role came from fhirUser → Practitioner → PractitionerRole.
    assert.equal(await frame.evaluate(() => document.querySelector('ehr-guide').engine.role), 'physician');
    // Launch context arrived with the token.
    assert.equal(await frame.evaluate(() => document.querySelector('ehr-guide').engine.context.launch.tenant), 'sandbox-hospital');
    // Host page still works.
    await page.click('#sign-order');
    await page.waitForFunction(() => document.querySelector('.orders .status').textContent.startsWith('Signed at'));
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('launched from the AI output on the chart, the app opens on that RiskAssessment (fhirContext)', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    await page.click('#patient-list button:has-text("Patria")');
    await page.waitForFunction(() => document.querySelector('demo-ai-risk')?.shadowRoot.querySelector('.score').textContent.includes('model output'));
    const badge = await page.evaluate(() => document.querySelector('demo-ai-risk').shadowRoot.querySelector('.score').textContent);
    await page.click('demo-ai-risk >> .score');
    await page.waitForFunction(() => document.getElementById('app-frame')?.contentWindow?.location.pathname === '/app/index.html', null, { timeout: 10000 });
    const frame = page.frames().find((f) => f.url().includes('/app/index.html'));
    const score = /(\d+) \/ 100/.exec(badge)[1];
    // The app opens the explainer of that very RiskAssessment, read over FHIR, with the record's population check.
    await frame.waitForFunction((s) => document.querySelector('#ai-output ehr-ai-explainer')?.shadowRoot?.textContent.includes(`Score ${s} on a 0–100 scale`), score, { timeout: 10000 });
    // Once the record has arrived over FHIR: the adult criterion is checked against it; the sandbox's EHR launch
    // carries no encounter, so the inpatient criterion cannot be.
    await frame.waitForFunction(() => document.querySelector('#ai-output ehr-ai-explainer').shadowRoot.textContent.includes('Adult (18 or over): met by the record'), null, { timeout: 10000 });
    const line = await frame.$eval('#ai-output ehr-ai-explainer', (el) => el.shadowRoot.textContent.replace(/\s+/g, ' '));
    assert.match(line, /Example deterioration index \(training example\)/, 'the app explains the same output the chart shows');
    assert.match(line, /Hospitalised \(an inpatient encounter, by class or type\): no encounter is in context/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('another patient gets other guidance (Joaquin: thiazide), launched as a nurse', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    await page.selectOption('#user-role', 'nurse');
    const frame = await openAppFor(page, 'Joaquin');
    await listed(frame, 'results.thiazide-electrolytes');
    const state = await appState(frame);
    assert.ok(!state.visible.includes('orders.older-adult-opioid'));
    assert.ok(!state.visible.includes('orders.sign-check'), 'the physicians\' order tip is not for a nurse');
    assert.equal(await frame.evaluate(() => document.querySelector('ehr-guide').engine.role), 'nurse');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('standalone launch with the sandbox\'s sign-in and patient picker', async () => {
    const { page, context, problems } = await openPage(demo.browser, `${demo.server.url}app/launch.html?iss=${encodeURIComponent(demo.server.fhirBaseUrl)}`);
    await page.waitForSelector('text=choose a patient', { timeout: 10000 });
    const patria = demo.server.sandbox.patients.find((p) => p.name[0].family.startsWith('Schimmel'));
    await page.check(`input[name="patient"][value="${patria.id}"]`);
    await page.click('button[value="allow"]');
    await page.waitForURL(/\/app\/index\.html/);
    await listed(page, 'results.metformin-renal');
    const state = await appState(page);
    assert.equal(state.patient, patria.id);
    assert.match(state.banner, /Patria .*female.*born 1974/, 'a standalone launch shows its own banner');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('a denied launch gives a quiet message, and the host page still works', async () => {
    const { page, context } = await openPage(demo.browser, demo.server.url);
    await control('fail-next-launch');
    const frame = await openAppFor(page, 'Chet');
    await frame.waitForFunction(() => document.getElementById('status').dataset.kind === 'denied', null, { timeout: 10000 });
    assert.match((await appState(frame)).status, /did not allow this launch/);
    await page.click('#patient-list button:has-text("Joaquin")');
    await page.waitForFunction(() => document.querySelector('.banner .name')?.textContent.startsWith('Joaquin'));
    await context.close();
  });

  it('a token that expires mid-session is refreshed by fhirclient, and guidance keeps loading', async () => {
    await control('token-lifetime', { seconds: 12 });
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    const frame = await openAppFor(page, 'Chet');
    await frame.waitForFunction(() => document.querySelector('ehr-guide')?.engine?.context.patient, null, { timeout: 10000 });
    const firstToken = await frame.evaluate(() => JSON.parse(sessionStorage.getItem(sessionStorage.getItem('SMART_KEY').replace(/"/g, ''))).tokenResponse.access_token);
    await new Promise((r) => setTimeout(r, 12_500)); // the access token has now expired
    await control('reset');
    const before = await frame.evaluate(() => document.querySelector('ehr-guide').engine.context.versions.patient);
    await frame.click('#refresh');
    await frame.waitForFunction((v) => document.querySelector('ehr-guide').engine.context.versions.patient !== v, before, { timeout: 10000 });
    const state = await appState(frame);
    assert.equal(state.status, '', 'no error shown: the refresh token was used');
    assert.ok(state.visible.includes('ai.automation-bias'));
    const secondToken = await frame.evaluate(() => JSON.parse(sessionStorage.getItem(sessionStorage.getItem('SMART_KEY').replace(/"/g, ''))).tokenResponse.access_token);
    assert.notEqual(secondToken, firstToken, 'a new access token came from the refresh grant');
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const [status, kind, text] of [
    [401, 'unauthorized', /session with the EHR has ended/],
    [403, 'forbidden', /did not share the data/],
    [404, 'not-found', /could not be found/],
    [429, 'rate-limited', /busy/],
    [500, 'server', /had a problem answering/],
    [503, 'server', /had a problem answering/],
    ['timeout', 'timeout', /took too long/],
    ['malformed', 'invalid', /did not understand/],
    ['down', 'network', /could not be reached/],
    ['slow', 'timeout', /took too long/],
  ]) {
    it(`FHIR failure ${status}: a quiet "${kind}" state, and the host page still works`, async () => {
      const { page, context } = await openPage(demo.browser, demo.server.url);
      const frame = await openAppFor(page, 'Chet');
      await frame.waitForFunction(() => document.querySelector('ehr-guide')?.engine?.context.patient, null, { timeout: 10000 });
      // slow: answers after 30 s, past the data source's timeout. down: the connection drops (Chromium retries a
      // dropped request on a fresh connection, so every attempt for a while must drop).
      await control('fhir-failure', { status, path: '/Patient', count: status === 'down' ? 50 : 3, delayMs: 30_000 });
      await frame.click('#refresh');
      await frame.waitForFunction((k) => document.getElementById('status').dataset.kind === k, kind, { timeout: 15000 });
      assert.match((await appState(frame)).status, text);
      await control('reset');
      await page.click('#patient-list button:has-text("Patria")');
      await page.waitForFunction(() => document.querySelector('.banner .name')?.textContent.startsWith('Patria'));
      await context.close();
    });
  }
});
