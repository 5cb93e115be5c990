// The demo EHR page end to end: the built CDN bundle under a strict CSP with Trusted Types, tips over a realistic
// screen, different guidance for different patients, and a host page that keeps working.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useDemo } from './browser.mjs';

const demo = useDemo();

const tipState = (page, id) =>
  page.evaluate((tipId) => {
    const tips = [...document.querySelectorAll(`ehr-tip[tip-id="${tipId}"], ehr-tip[item="${tipId}"]`)];
    return tips.map((tip) => {
      const panel = tip.shadowRoot.querySelector('[part~="panel"]');
      const beacon = tip.shadowRoot.querySelector('[part~="beacon"]');
      const visible = (el) => !!el && !el.hidden && (el.hasAttribute('popover') ? el.matches(':popover-open') : true) && !el.classList.contains('offscreen');
      return { panelVisible: visible(panel), beaconVisible: visible(beacon), text: panel?.textContent.replace(/\s+/g, ' ').trim() ?? '' };
    });
  }, id);

describe('demo EHR page', () => {
  it('serves the page with a strict CSP that enforces Trusted Types', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    const response = await page.request.get(demo.server.url);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /script-src 'self'/);
    await page.waitForSelector('#patient-list button');
    await page.waitForFunction(() => document.querySelector('ehr-tip[item="orders.sign-check"]')?.shadowRoot?.querySelector('[part~="beacon"]')?.matches(':popover-open'), null, { timeout: 10000 });
    await page.click('#patient-list button:has-text("Joaquin")');
    // A patient-specific callout: FHIRPath ran in the Web Worker, admitted by the page's Trusted Types policy.
    await page.waitForFunction(() => [...document.querySelectorAll('.guidance ehr-tip')].some((t) => t.shadowRoot?.querySelector('[part~="body"] strong') && !t.shadowRoot.querySelector('[part~="panel"]').hidden), null, { timeout: 10000 });
    assert.deepEqual(problems, [], 'the library rendered tips and markdown without any CSP or Trusted Types violation');
    // And the page really is under Trusted Types: assigning an HTML string throws.
    const blocked = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(blocked, true);
    await context.close();
  });

  it('shows different guidance for different patients', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    await page.waitForSelector('#patient-list button');
    const names = await page.$$eval('#patient-list button', (buttons) => buttons.map((b) => b.firstChild.textContent));
    assert.equal(names.length, 4);
    // Facts of the fixtures: Chet (b. 1939) died in 1968 and Synthea left his oxycodone order active; Joaquin has
    // hydrochlorothiazide; Patria has metformin and diabetes. Each living patient gets its callout from the packs'
    // FHIRPath triggers, and no other patient's; the deceased patient gets no patient-specific guidance.
    const visibleCallouts = () => page.$$eval('.guidance ehr-tip', (tips) => tips.filter((t) => t.shadowRoot && !t.shadowRoot.querySelector('[part~="panel"]')?.hidden).map((t) => t.getAttribute('item')));
    await page.click('#patient-list button:has-text("Chet")');
    await page.waitForFunction(() => document.querySelector('.banner .name')?.textContent.startsWith('Chet'));
    await page.waitForFunction(async () => (await document.querySelector('ehr-guide').explain()).find((d) => d.itemId === 'orders.older-adult-opioid')?.reason === 'patient-deceased', null, { timeout: 10000 });
    await page.waitForTimeout(300);
    assert.deepEqual(await visibleCallouts(), [], 'a deceased patient gets no patient-specific callout');
    const expected = { Joaquin: 'results.thiazide-electrolytes', Patria: 'results.metformin-renal' };
    for (const [first, itemId] of Object.entries(expected)) {
      await page.click(`#patient-list button:has-text("${first}")`);
      await page.waitForFunction((n) => document.querySelector('.banner .name')?.textContent.startsWith(n), first);
      await page.waitForFunction((id) => !document.querySelector(`.guidance ehr-tip[item="${id}"]`)?.shadowRoot?.querySelector('[part~="panel"]')?.hidden, itemId, { timeout: 10000 });
      await page.waitForTimeout(300); // let any wrong callout have its chance to appear
      assert.deepEqual(await visibleCallouts(), [itemId], `${first} gets exactly its own guidance`);
    }
    // Rosa (hand-made, living, 78): hydrocodone by medicationReference, warfarin coded without text.
    await page.click('#patient-list button:has-text("Rosa")');
    await page.waitForFunction(() => document.querySelector('.banner .name')?.textContent.startsWith('Rosa'));
    await page.waitForFunction(() => ['orders.anticoagulant-older-adult', 'orders.older-adult-opioid'].every((id) => !document.querySelector(`.guidance ehr-tip[item="${id}"]`)?.shadowRoot?.querySelector('[part~="panel"]')?.hidden), null, { timeout: 10000 });
    await page.waitForTimeout(300);
    assert.deepEqual((await visibleCallouts()).sort(), ['orders.anticoagulant-older-adult', 'orders.older-adult-opioid'], 'Rosa gets the opioid and anticoagulant guidance, and no other');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('opens the beacon on "Sign order" with the keyboard, closes it with Escape, and the order still signs', async () => {
    const { page, context, problems } = await openPage(demo.browser, `${demo.server.url}?patient=eda17701-070d-4fae-9f7d-c8cd6263b63a`);
    await page.waitForFunction(() => document.querySelector('ehr-tip[item="orders.sign-check"]')?.shadowRoot?.querySelector('[part~="beacon"]')?.matches(':popover-open'), null, { timeout: 10000 });
    const beacon = page.locator('ehr-tip[item="orders.sign-check"] >> [part~="beacon"]');
    const box = await beacon.boundingBox();
    const sign = await page.locator('#sign-order').boundingBox();
    assert.ok(Math.abs(box.x - (sign.x + sign.width + 4)) < 3, 'beacon sits right of the button');
    await beacon.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ehr-tip[item="orders.sign-check"]').open);
    const [state] = await tipState(page, 'orders.sign-check');
    assert.equal(state.panelVisible, true);
    assert.match(state.text, /Check the dose, route and frequency/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('ehr-tip[item="orders.sign-check"]').open);
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'));
    assert.equal(focused, 'beacon');
    // The host page is untouched: its own form still works.
    await page.click('#sign-order');
    await page.waitForFunction(() => document.querySelector('.orders .status').textContent.startsWith('Signed at'));
    const log = await page.$$eval('#event-log li', (items) => items.map((li) => li.textContent));
    assert.ok(log.some((line) => line.startsWith('tip-show {"tipId":"orders.sign-check","reason":"keyboard"}')), 'host analytics saw the show event');
    assert.ok(log.some((line) => line.startsWith('guide-match {"itemId":"orders.sign-check"')), 'and the engine decision');
    assert.ok(log.every((line) => !/Chet|Thompson|1939/.test(line)), 'no patient data in events');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('anchors a tip to the AI badge inside a vendor widget\'s shadow root, and a tooltip to flagged results', async () => {
    const { page, context, problems } = await openPage(demo.browser, `${demo.server.url}?patient=69ee9841-f4a6-427a-a2fd-f5a891682057`);
    await page.waitForFunction(() => document.querySelector('ehr-tip[item="ai.reading-a-score"]')?.shadowRoot?.querySelector('[part~="beacon"]')?.matches(':popover-open'), null, { timeout: 10000 });
    const badge = await page.locator('demo-ai-risk >> .score').boundingBox();
    await page.click('ehr-tip[item="ai.reading-a-score"] >> [part~="beacon"]');
    await page.waitForFunction(() => document.querySelector('ehr-tip[item="ai.reading-a-score"]').open);
    const panel = await page.locator('ehr-tip[item="ai.reading-a-score"] >> [part~="panel"]').boundingBox();
    assert.ok(Math.abs(panel.y - (badge.y + badge.height + 10)) < 3, 'popup sits below the badge');
    const flags = await page.$$('.flag');
    assert.ok(flags.length > 0, 'Joaquin has flagged results');
    await flags[0].hover();
    await page.waitForFunction(() => document.querySelector('ehr-tip[item="results.abnormal-flag"]').open);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('remembers "Don\'t show again" across a reload', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    await page.waitForSelector('#patient-list button');
    await page.click('#patient-list button:has-text("Joaquin")');
    const callout = '.guidance ehr-tip[item="results.thiazide-electrolytes"]';
    await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('[part~="panel"]')?.hidden === false, callout, { timeout: 10000 });
    await page.click(`${callout} >> [part~="never-button"]`);
    await page.waitForFunction(() => JSON.stringify(localStorage).includes('results.thiazide-electrolytes@'));
    await page.evaluate(() => sessionStorage.clear()); // even in a new session
    await page.reload();
    await page.waitForSelector('#patient-list button');
    await page.click('#patient-list button:has-text("Joaquin")');
    await page.waitForFunction(() => document.querySelector('ehr-tip[item="orders.sign-check"]')?.shadowRoot?.querySelector('[part~="beacon"]')?.matches(':popover-open'), null, { timeout: 10000 });
    const decision = await page.evaluate(async () => (await document.querySelector('ehr-guide').explain()).find((d) => d.itemId === 'results.thiazide-electrolytes'));
    assert.equal(decision.reason, 'dismissed');
    const [state] = await page.$$eval(callout, (tips) => tips.map((t) => ({ panelVisible: !t.shadowRoot.querySelector('[part~="panel"]').hidden })));
    assert.equal(state.panelVisible, false);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('explains the chart\'s AI output and shows the CDS cards; overrides reach the CDS service and the LRS, without patient data', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    await page.waitForSelector('#patient-list button');
    // Synthetic sepsis scores per patient are 3, 8, 17 (alert threshold 6): the second and third get a card.
    await page.click('#patient-list button:has-text("Joaquin")');
    await page.waitForFunction(() => document.querySelector('ehr-cds-cards')?.shadowRoot?.querySelector('li.card ehr-ai-explainer')?.shadowRoot?.textContent.includes('Example sepsis prediction model'), null, { timeout: 10000 });
    const chartExplainer = await page.$eval('section.ai > ehr-ai-explainer', (el) => el.shadowRoot.textContent.replace(/\s+/g, ' '));
    assert.match(chartExplainer, /Example deterioration index \(training example\): Score \d+ on a 0–100 scale/);
    assert.match(chartExplainer, /\(at this hospital\)/, 'the site\'s configured prevalence is used');
    // Override the card's AI output from inside the CDS card, with one of the service's reasons.
    const explainer = page.locator('ehr-cds-cards li.card ehr-ai-explainer');
    // A clinician without progress yet counts as a novice: the explanation is already open; open it if not.
    if ((await explainer.locator('[part="toggle"]').getAttribute('aria-expanded')) === 'false') await explainer.locator('[part="toggle"]').click();
    await explainer.locator('button:has-text("Override")').click();
    await explainer.locator('label:has-text("Not septic on assessment") input').check();
    await explainer.locator('button:has-text("Send override")').click();
    await page.waitForFunction(() => document.querySelector('ehr-cds-cards').shadowRoot.querySelector('.resolved')?.textContent.includes('Overridden: Not septic on assessment'));
    const feedback = await (await page.request.get(`${demo.server.url}__sandbox/cds-feedback`)).json();
    assert.equal(feedback.at(-1).outcome, 'overridden');
    assert.equal(feedback.at(-1).overrideReason.reason.code, 'not-septic');
    let statements = [];
    for (let i = 0; i < 40 && !statements.length; i++) {
      statements = await (await page.request.get(`${demo.server.url}__sandbox/xapi-received`)).json();
      if (!statements.length) await page.waitForTimeout(100);
    }
    assert.equal(statements.at(-1).result.response, 'override:not-septic');
    const patientId = await page.evaluate(() => document.querySelector('ehr-guide').engine.context.patient.id);
    for (const text of [JSON.stringify(feedback), JSON.stringify(statements)]) assert.ok(!text.includes(patientId), 'no patient id leaves in feedback or learning records');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('launches the app through SMART from a CDS card\'s SMART link, on that card\'s AI output', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    await page.waitForSelector('#patient-list button');
    await page.click('#patient-list button:has-text("Patria")');
    await page.waitForFunction(() => !!document.querySelector('ehr-cds-cards')?.shadowRoot?.querySelector('[part="links"] a'), null, { timeout: 10000 });
    await page.locator('ehr-cds-cards [part="links"] a:has-text("Explain this alert")').click();
    await page.waitForFunction(() => document.getElementById('app-frame')?.contentWindow?.location.pathname === '/app/index.html', null, { timeout: 10000 });
    const frame = page.frames().find((f) => f.url().includes('/app/index.html'));
    await frame.waitForFunction(() => document.querySelector('#ai-output ehr-ai-explainer')?.shadowRoot?.textContent.includes('Example sepsis prediction model'), null, { timeout: 10000 });
    const text = await frame.$eval('#ai-output ehr-ai-explainer', (el) => el.shadowRoot.textContent.replace(/\s+/g, ' '));
    assert.match(text, /Score 17 on a 0–100 scale \(not a probability\) for sepsis within 6 hours/);
    assert.equal(page.url(), demo.server.url, 'the EHR page itself did not navigate');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('runs the order-entry tour on request, beside the EHR\'s own controls, under the strict CSP', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    await page.waitForSelector('#order-tour');
    await page.click('#order-tour');
    const step = () => page.evaluate(() => {
      const tour = document.querySelector('ehr-tour');
      const panel = tour.shadowRoot.querySelector('[part="panel"]');
      return { open: panel.matches(':popover-open'), title: tour.shadowRoot.querySelector('[part="heading"]')?.textContent };
    });
    await page.waitForFunction(() => document.querySelector('ehr-tour').shadowRoot.querySelector('[part="panel"]').matches(':popover-open'));
    assert.deepEqual(await step(), { open: true, title: 'Medication' });
    await page.keyboard.press('Enter'); // focus is on Next
    await page.waitForFunction(() => document.querySelector('ehr-tour').shadowRoot.querySelector('[part="heading"]')?.textContent === 'Frequency');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('ehr-tour').open);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'order-tour', 'focus returns to the button that started it');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('the help panel lists what applies to the open chart, and follows a patient switch', async () => {
    const { page, context, problems } = await openPage(demo.browser, demo.server.url);
    const titles = () => page.evaluate(() => [...document.querySelector('ehr-help-panel').shadowRoot.querySelectorAll('.entry .title')].map((t) => t.textContent));
    await page.waitForSelector('#patient-list button');
    await page.click('#patient-list button:has-text("Joaquin")');
    await page.waitForFunction(() => [...(document.querySelector('ehr-help-panel')?.shadowRoot?.querySelectorAll('.entry .title') ?? [])].some((t) => /thiazide/i.test(t.textContent)), null, { timeout: 10000 });
    assert.ok(!(await titles()).some((t) => /metformin/i.test(t)), 'not Patria\'s metformin tip');
    await page.click('#patient-list button:has-text("Patria")');
    await page.waitForFunction(() => ![...document.querySelector('ehr-help-panel').shadowRoot.querySelectorAll('.entry .title')].some((t) => /thiazide/i.test(t.textContent)), null, { timeout: 10000 });
    assert.ok((await titles()).some((t) => /metformin/i.test(t)), 'Patria\'s metformin tip is listed');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
