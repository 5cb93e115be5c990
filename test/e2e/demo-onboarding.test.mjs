// The demo's onboarding for a new resident, end to end on the built CDN bundle under the demo's strict CSP: the
// first-week checklist starts an interactive order tour that runs across two screens of the demo (the chart at
// patient-view, the order form at order-select), survives a reload in between, is completed by real typing, a
// real choice and a real click, and ticks its checklist entry.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useDemo } from './browser.mjs';

const demo = useDemo();

const tourState = (page) =>
  page.evaluate(() => {
    const tour = document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]');
    const root = tour?.shadowRoot;
    const shown = (name) => !!root?.querySelector(`[part="${name}"]`)?.matches(':popover-open');
    return { open: !!tour?.open, title: root?.querySelector('[part="heading"]')?.textContent ?? '', panel: shown('panel'), paused: shown('paused') };
  });
const entryDone = (page, id) => page.evaluate((entry) => document.querySelector('ehr-checklist').shadowRoot.querySelector(`li[data-entry="${entry}"]`)?.classList.contains('done'), id);

describe('demo onboarding', () => {
  it('a checklist tour across two screens with a reload in between, completed by doing', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    try {
      await page.waitForSelector('#patient-list button');
      await page.selectOption('#user-role', 'resident');
      await page.waitForFunction(() => !!document.querySelector('ehr-checklist')?.shadowRoot?.querySelector('li[data-entry="first-order"] [part="entry-button"]'), null, { timeout: 15000 });
      await page.evaluate(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('li[data-entry="first-order"] [part="entry-button"]').click());
      await page.waitForFunction(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]')?.shadowRoot?.querySelector('[part="heading"]')?.textContent === 'Start from the chart', null, { timeout: 10000 });
      await page.evaluate(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]').next());
      // Step 2 is on the order screen; the chart is at patient-view: the tour waits.
      await page.waitForFunction(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]').shadowRoot.querySelector('[part="paused"]')?.matches(':popover-open'), null, { timeout: 10000 });

      const paused = await page.evaluate(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]').shadowRoot.querySelector('[part="paused"]').textContent);
      assert.match(paused, /goes on when you open the order form/);
      await page.reload();
      await page.waitForSelector('#patient-list button');
      // The same user after the reload: the demo keeps its "signed in as" for the tab, and the guide has it.
      assert.equal(await page.inputValue('#user-role'), 'resident');
      assert.equal(await page.evaluate(() => document.querySelector('ehr-guide').userRole), 'resident');
      await page.waitForFunction(() => document.querySelector('ehr-checklist')?.shadowRoot?.querySelector('ehr-tour[item="tour.first-order"]')?.open, null, { timeout: 15000 });
      let state = await tourState(page);
      assert.equal(state.panel, false, 'still on the chart after the reload: the step waits for its screen');
      // The resident goes to the order form (the demo reports order-select): the tour goes on there.
      await page.click('#order-med');
      await page.waitForFunction(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]').shadowRoot.querySelector('[part="heading"]')?.textContent === 'Type the medication', null, { timeout: 10000 });
      await page.fill('#order-med', '');
      await page.keyboard.type('amoxicillin', { delay: 20 });
      await page.waitForFunction(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]').shadowRoot.querySelector('[part="heading"]')?.textContent === 'Choose how often', null, { timeout: 10000 });
      await page.selectOption('#order-freq', { label: 'Twice daily' });
      await page.waitForFunction(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]').shadowRoot.querySelector('[part="heading"]')?.textContent === 'Sign it', null, { timeout: 10000 });
      await page.click('#sign-order');
      await page.waitForFunction(() => !document.querySelector('ehr-checklist').shadowRoot.querySelector('ehr-tour[item="tour.first-order"]').open, null, { timeout: 10000 });
      await page.waitForFunction(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('li[data-entry="first-order"]')?.classList.contains('done'), null, { timeout: 10000 });
      assert.equal(await entryDone(page, 'first-order'), true);
      // Signing reported order-sign: the "sign an order" task is done too.
      await page.waitForFunction(() => document.querySelector('ehr-checklist').shadowRoot.querySelector('li[data-entry="sign-order"]')?.classList.contains('done'), null, { timeout: 10000 });
      state = await tourState(page);
      assert.equal(state.open, false);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
