// The demo pages themselves pass axe with the WCAG 2.2 AA tags (the EHR page after a patient is open, with its
// guidance event log as a keyboard-reachable region, and the intranet report page after a scripted month).
// axe is injected, so this context bypasses the page's CSP; the CSP itself is checked in demo.test.mjs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { useDemo } from './browser.mjs';

const demo = useDemo();
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

describe('demo pages with axe (WCAG 2.2 AA)', () => {
  it('the EHR page and the report page have no violations', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(demo.server.url);
      await page.waitForFunction(() => document.querySelector('ehr-tip[item="orders.sign-check"]')?.shadowRoot?.querySelector('[part~="beacon"]')?.matches(':popover-open'), null, { timeout: 15000 });
      await page.waitForFunction(() => document.querySelector('#note-h ehr-ai-badge')?.shadowRoot?.querySelector('[part="badge"]'), null, { timeout: 10000 });
      assert.equal(await page.getAttribute('#event-log', 'tabindex'), '0');
      assert.deepEqual(await violations(page), []);
      await page.goto(new URL('/demo/report.html', demo.server.url).href);
      await page.click('#scripted-run');
      await page.waitForFunction(() => /statements counted/.test(document.querySelector('ehr-guide-report').shadowRoot.textContent) && !/Reading learning records/.test(document.querySelector('ehr-guide-report').shadowRoot.textContent), null, { timeout: 20000 });
      assert.deepEqual(await violations(page), []);
    } finally {
      await context.close();
    }
  });
});
