// Hardening end to end (issue 11): every element under the strict CSP of an EHR with Trusted Types and zero
// violation reports; no request to any origin but the page's own (FHIR, LRS and CDS services live there) while
// hostile content asks for foreign images and icons; no patient data in anything sent to the LRS or a CDS feedback
// endpoint; the LRS down then back (records sent = records produced); the CDS service down.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../demo/server.mjs';
import { launch } from './browser.mjs';

/** The CSP of issue 11, exactly: scripts from the page's origin only, no plugins, Trusted Types for lit-html and ehr-guide. */
const ISSUE_CSP = "script-src 'self'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html ehr-guide";

let server;
let browser;
const root = fileURLToPath(new URL('../..', import.meta.url));
// A second copy of the library, "version 0.0.9": the CDN bundles with their version stamp changed.
const OLD = 'test-results/old-cdn';
before(async () => {
  rmSync(join(root, OLD), { recursive: true, force: true });
  cpSync(join(root, 'dist/cdn'), join(root, OLD), { recursive: true });
  for (const dir of [OLD, `${OLD}/chunks`]) {
    for (const f of readdirSync(join(root, dir)).filter((n) => n.endsWith('.js'))) {
      const file = join(root, dir, f);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/="0\.1\.0";/g, '="0.0.9";'));
    }
  }
  server = await startDemoServer({
    port: 0,
    csp: ISSUE_CSP,
    mounts: { '/old-cdn/': OLD, '/harness/': 'test/e2e/pages', '/fixtures/cds-hooks/': 'test/fixtures/cds-hooks', '/fixtures/ai-transparency/': 'test/fixtures/ai-transparency' },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const control = (path, body = {}) => fetch(new URL(`__sandbox/${path}`, server.url), { method: 'POST', body: JSON.stringify(body) });

/** A page with every request, CSP violation, console error and page error recorded. */
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const problems = [];
  context.on('request', (r) => requests.push({ url: r.url(), method: r.method(), body: r.postData() ?? '' }));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console.error: ${m.text()}`));
  context.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  });
  await page.goto(url);
  return { page, context, requests, problems };
}

describe('hardening', () => {
  it('every element renders under script-src \'self\' + Trusted Types with zero violations, and asks no foreign origin for anything', async () => {
    const { page, context, requests, problems } = await open(new URL('harness/all-elements.html', server.url).href);
    const rendered = await page.evaluate(() => window.__harness);
    for (const [element, ok] of Object.entries(rendered)) if (element !== 'pack-tip') assert.ok(ok, `${element} rendered`);
    await page.waitForTimeout(500); // images, workers, statements
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, [], 'no CSP violation');
    assert.deepEqual(problems, [], 'no console error or page error');
    const origin = new URL(server.url).origin;
    const foreign = requests.filter((r) => new URL(r.url).origin !== origin && !r.url.startsWith('data:'));
    assert.deepEqual(foreign.map((r) => r.url), [], 'nothing asked of another origin (the foreign image and icon stayed links)');
    // The FHIRPath and report workers ran, under the ehr-guide Trusted Types policy.
    assert.ok(requests.some((r) => r.url.endsWith('/dist/cdn/fhirpath.worker.js')), 'FHIRPath worker loaded');
    assert.ok(requests.some((r) => /report\.worker\.js$/.test(r.url)), 'report worker loaded');
    // The javascript: links of the content and of facts-href came out dead.
    const live = await page.evaluate(() => {
      const out = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.getAttribute('href')?.trim().toLowerCase().startsWith('javascript')) out.push(el.localName);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      return out;
    });
    assert.deepEqual(live, []);
    await context.close();
  });

  it('two copies of the library in different versions on one page: no crash, the first keeps its tags, a warning names both versions', async () => {
    // With two copies of Lit on a page, lit-html's policy is created twice: the CSP needs 'allow-duplicates'
    // (README, "Content Security Policy"). ehr-guide's own policy is shared by the copies, never created twice.
    const twoCopies = await startDemoServer({ port: 0, csp: `${ISSUE_CSP} 'allow-duplicates'`, mounts: { '/old-cdn/': OLD, '/harness/': 'test/e2e/pages' } });
    try {
      const { page, context, problems } = await open(new URL('harness/two-copies.html', twoCopies.url).href);
      const warnings = [];
      page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
      await page.reload();
      await page.waitForFunction(() => customElements.get('ehr-tip') && document.getElementById('tip').shadowRoot);
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => customElements.get('ehr-tip').version), '0.0.9', 'the first copy keeps the tag');
      assert.ok(warnings.some((w) => /<ehr-tip> is already defined by another copy \(version 0\.0\.9\); this copy \(version 0\.1\.0\) is not registered/.test(w)), warnings.join('\n'));
      await page.evaluate(() => document.getElementById('tip').show());
      await page.waitForFunction(() => document.getElementById('tip').shadowRoot.querySelector('[part~="panel"]')?.matches(':popover-open'));
      assert.match(await page.evaluate(() => document.getElementById('tip').shadowRoot.textContent), /Check the dose/);
      assert.deepEqual(problems, []);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      await context.close();
    } finally {
      await twoCopies.close();
    }
    // Without 'allow-duplicates': the second Lit cannot load (the one error), the first copy keeps working.
    const { page, context, problems } = await open(new URL('harness/two-copies.html', server.url).href);
    await page.waitForFunction(() => customElements.get('ehr-tip') && document.getElementById('tip').shadowRoot);
    await page.evaluate(() => document.getElementById('tip').show());
    await page.waitForFunction(() => document.getElementById('tip').shadowRoot.querySelector('[part~="panel"]')?.matches(':popover-open'));
    assert.ok(problems.length > 0 && problems.every((p) => /lit-html/.test(p)), problems.join('\n'));
    await context.close();
  });

  it('a whole demo session: traffic only to the EHR\'s origin, and no patient data in learning records or CDS feedback', async () => {
    const patients = await (await fetch(new URL('__sandbox/patients', server.url))).json();
    const { page, context, requests, problems } = await open(server.url);
    await page.waitForSelector('#patient-list button');
    for (const name of ['Chet', 'Joaquin', 'Patria']) {
      await page.click(`#patient-list button:has-text("${name}")`);
      await page.waitForFunction((n) => document.querySelector('.banner .name')?.textContent.startsWith(n), name);
      await page.waitForTimeout(300);
    }
    await page.click('#patient-list button:has-text("Joaquin")');
    const explainer = page.locator('ehr-cds-cards li.card ehr-ai-explainer');
    await explainer.locator('button:has-text("Override")').click({ timeout: 10000 }).catch(async () => {
      await explainer.locator('[part="toggle"]').click();
      await explainer.locator('button:has-text("Override")').click();
    });
    await explainer.locator('label:has-text("Not septic on assessment") input').check();
    await explainer.locator('button:has-text("Send override")').click();
    await page.click('#order-tour');
    await page.waitForTimeout(1500);
    const sent = requests.filter((r) => r.method === 'POST' && (/\/xapi\/statements/.test(r.url) || /\/feedback$/.test(r.url)));
    assert.ok(sent.some((r) => /xapi/.test(r.url)) && sent.some((r) => /feedback$/.test(r.url)), 'learning records and CDS feedback were sent');
    const origin = new URL(server.url).origin;
    assert.deepEqual(requests.filter((r) => new URL(r.url).origin !== origin).map((r) => r.url), []);
    for (const p of patients) {
      const phi = [p.id, p.name, ...p.name.split(' ').filter((w) => w.length > 2), p.birthDate].filter(Boolean);
      for (const r of sent) for (const value of phi) assert.ok(!r.url.includes(value) && !r.body.includes(value), `"${value}" of a patient in ${r.url}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  for (const failure of [503, 'down']) {
    it(`the LRS ${failure === 'down' ? 'unreachable' : 'answering 503'} then back: every record produced meanwhile arrives, once`, async () => {
      await control('reset');
      const { page, context, problems } = await open(server.url);
      await page.waitForSelector('#patient-list button');
      const received = async () => (await (await fetch(new URL('__sandbox/xapi-received', server.url))).json()).map((s) => s.id);
      await page.click('#patient-list button:has-text("Joaquin")');
      await page.waitForFunction(() => document.querySelector('ehr-guide')?.engine?.records.queued.length === 0, null, { timeout: 10000 });
      const before = await received();
      // Every statement the engine records from now on (whatever produces it: the agreement, pushed tips shown).
      await page.evaluate(() => {
        const records = document.querySelector('ehr-guide').engine.records;
        const record = records.record.bind(records);
        window.__recorded = [];
        records.record = (statement) => {
          const full = record(statement);
          window.__recorded.push(full.id);
          return full;
        };
      });
      await control('lrs-failure', { status: failure });
      await page.click('#patient-list button:has-text("Chet")');
      await page.click('#patient-list button:has-text("Joaquin")');
      const explainer = page.locator('ehr-cds-cards li.card ehr-ai-explainer');
      await explainer.locator('button:has-text("Agree")').click({ timeout: 10000 });
      await page.waitForFunction(() => document.querySelector('ehr-guide').engine.records.queued.length > 0, null, { timeout: 10000 });
      await page.waitForTimeout(500);
      assert.ok((await page.evaluate(() => window.__recorded.length)) >= 1);
      await control('lrs-failure', { status: 0 });
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await page.waitForFunction(() => document.querySelector('ehr-guide').engine.records.queued.length === 0, null, { timeout: 15000 });
      const produced = await page.evaluate(() => window.__recorded);
      const after = await received();
      const arrived = after.filter((id) => !before.includes(id));
      // Every record produced since the outage began arrived. (A record the page made just before — a pushed tip
      // shown as the chart settled — may arrive in the same window: it is counted by "none twice", not here.)
      assert.deepEqual(produced.filter((id) => !arrived.includes(id)), [], 'every record produced meanwhile arrived');
      assert.ok(arrived.length >= produced.length, 'records sent ≥ records produced meanwhile');
      assert.equal(new Set(after).size, after.length, 'none twice');
      const host = await page.evaluate(() => document.querySelector('.banner .name').textContent);
      assert.match(host, /^Joaquin/, 'the host page kept working');
      // The browser's own network log of the refused POSTs; the library itself logs nothing.
      assert.deepEqual(problems.filter((p) => !/Failed to load resource|HTTP 503: .*\/xapi\/statements/.test(p)), []);
      await context.close();
    });
  }

  it('the CDS service down: a quiet status line where the cards were, and the chart works on', async () => {
    await control('reset');
    await control('cds-failure', { status: 'down' });
    const { page, context, problems } = await open(server.url);
    await page.waitForSelector('#patient-list button');
    await page.click('#patient-list button:has-text("Joaquin")');
    await page.waitForFunction(() => document.querySelector('ehr-cds-cards')?.shadowRoot?.querySelector('[part="status"]')?.textContent.includes('unavailable'), null, { timeout: 10000 });
    await page.click('#sign-order');
    await page.waitForFunction(() => document.querySelector('.orders .status').textContent.startsWith('Signed at'));
    await control('cds-failure', { status: 0 });
    await page.click('#patient-list button:has-text("Chet")');
    await page.click('#patient-list button:has-text("Joaquin")');
    await page.waitForFunction(() => document.querySelector('ehr-cds-cards').shadowRoot.querySelector('li.card') && !document.querySelector('ehr-cds-cards').shadowRoot.querySelector('[part="status"]'), null, { timeout: 10000 });
    // The dropped connections show as console errors of the failed fetch (the host's call), nothing else.
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|ERR_EMPTY_RESPONSE|ERR_CONNECTION/.test(p)), []);
    await context.close();
  });
});
