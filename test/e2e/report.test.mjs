// The demo intranet's report page under the demo's strict CSP (Trusted Types): <ehr-guide-report> over the
// sandbox LRS, fed by a scripted clinic month (statements the library's own builders make, validated by the LRS),
// aggregated in its worker; a clinician's override on the demo EHR page reaches the same report.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useDemo } from './browser.mjs';

const demo = useDemo();
const reportText = (page) => page.evaluate(() => document.querySelector('ehr-guide-report').shadowRoot.textContent.replace(/\s+/g, ' '));

describe('demo report page', () => {
  it('reports a scripted clinic month from the sandbox LRS, in its worker, with small cells withheld', async () => {
    const { page, context, problems } = await openPage(demo.browser, new URL("/demo/report.html", demo.server.url).href);
    try {
      await page.waitForFunction(() => !!document.querySelector('ehr-guide-report')?.shadowRoot?.querySelector('h2'));
      await page.click('#scripted-run');
      await page.waitForFunction(() => /statements recorded in the sandbox LRS/.test(document.getElementById('run-status').textContent), null, { timeout: 15000 });
      const recorded = Number((await page.textContent('#run-status')).match(/(\d+) statements/)[1]);
      assert.ok(recorded > 400, `recorded ${recorded}`);
      await page.waitForFunction((n) => new RegExp(`${n.toLocaleString('en')} statements counted`).test(document.querySelector('ehr-guide-report').shadowRoot.textContent.replace(/\s+/g, ' ')), recorded, { timeout: 20000 });
      const text = await reportText(page);
      for (const part of ['example-sepsis-model', 'example-deterioration-index', 'Reading a risk score (2 minutes)', 'Order entry in three steps', 'Documentation shortcuts (Review: often rejected)', 'Coverage by role']) assert.ok(text.includes(part), `${part} in the report`);
      // The worker served beside the page script, admitted by the CSP and the Trusted Types policy.
      assert.ok(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/demo/report.worker.js'))));
      // The LRS refuses what is not a valid statement (Learning Locker's validation).
      assert.deepEqual(problems, []);
      const refused = await fetch(new URL('/__sandbox/xapi/statements', demo.server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Experience-API-Version': '1.0.3' }, body: JSON.stringify({ actor: {}, verb: {}, object: {} }) });
      assert.equal(refused.status, 400);
    } finally {
      await context.close();
    }
  });

  it('the demo chart marks the AI-drafted note; opened, it says who drafted it and what to check; Accept reaches the LRS without the note', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    try {
      await page.waitForFunction(() => document.querySelector('#note-h ehr-ai-badge')?.shadowRoot?.querySelector('[part="badge"]')?.textContent.includes('AI-drafted'), null, { timeout: 15000 });
      await page.click('#note-h ehr-ai-badge >> [part="badge"]');
      await page.waitForFunction(() => /Before you sign an AI-drafted note/.test(document.querySelector('#note-h ehr-ai-badge').shadowRoot.textContent), null, { timeout: 10000 });
      const text = await page.evaluate(() => document.querySelector('#note-h ehr-ai-badge').shadowRoot.textContent.replace(/\s+/g, ' '));
      assert.match(text, /Made byDemoScribe, Example Ambient AI \(training example\) ?\(version 2\.4\)/);
      assert.match(text, /Verifiednot verified by a clinician/);
      await page.click('#note-h ehr-ai-badge >> button:has-text("Accept")');
      const received = async () => (await (await fetch(new URL('/__sandbox/xapi-received', demo.server.url))).json()).filter((s) => s.result?.response === 'accept');
      let accepted = [];
      for (let i = 0; i < 50 && !accepted.length; i++) {
        await new Promise((r) => setTimeout(r, 200));
        accepted = await received();
      }
      assert.equal(accepted.length, 1);
      assert.equal(accepted[0].object.id, 'https://ehr-guide.dev/xapi/activities/models/demo-ambient-scribe/output');
      assert.equal(accepted[0].context.extensions['https://ehr-guide.dev/xapi/extensions/content-type'], 'DocumentReference');
      assert.doesNotMatch(JSON.stringify(accepted[0]), /Patient|ai-note-|Problems reviewed/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
