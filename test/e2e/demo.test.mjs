// The demo EHR page end to end: the built CDN bundle under a strict CSP with Trusted Types, tips over a realistic
// screen, different guidance for different patients, and a host page that keeps working.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer } from '../../demo/server.mjs';
import { launch, openPage } from './browser.mjs';

let server;
let browser;

before(async () => {
  server = await startDemoServer({ port: 0 });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const tipState = (page, id) =>
  page.evaluate((tipId) => {
    const tips = [...document.querySelectorAll(`ehr-tip[tip-id="${tipId}"]`)];
    return tips.map((tip) => {
      const panel = tip.shadowRoot.querySelector('[part~="panel"]');
      const beacon = tip.shadowRoot.querySelector('[part~="beacon"]');
      const visible = (el) => !!el && !el.hidden && (el.hasAttribute('popover') ? el.matches(':popover-open') : true) && !el.classList.contains('offscreen');
      return { panelVisible: visible(panel), beaconVisible: visible(beacon), text: panel?.textContent.replace(/\s+/g, ' ').trim() ?? '' };
    });
  }, id);

describe('demo EHR page', () => {
  it('serves the page with a strict CSP that enforces Trusted Types', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    const response = await page.request.get(server.url);
    const csp = response.headers()['content-security-policy'];
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /script-src 'self'/);
    await page.waitForSelector('#patient-list button');
    await page.waitForFunction(() => document.querySelector('ehr-tip[tip-id="demo.orders.sign"]')?.shadowRoot?.querySelector('[part~="beacon"]')?.matches(':popover-open'));
    await page.waitForFunction(() => document.querySelector('.guidance ehr-tip')?.shadowRoot?.querySelector('[part~="body"] strong'));
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
    const { page, context, problems } = await openPage(browser, server.url);
    await page.waitForSelector('#patient-list button');
    const names = await page.$$eval('#patient-list button', (buttons) => buttons.map((b) => b.firstChild.textContent));
    assert.equal(names.length, 3);
    // Facts of the fixtures: Chet (b. 1939) has active oxycodone; Joaquin has hydrochlorothiazide; Patria has
    // metformin and diabetes. Each must get its callout and no other patient's.
    const expected = { Chet: 'demo.geri-opioid', Joaquin: 'demo.thiazide-lytes', Patria: 'demo.metformin-renal' };
    for (const [first, tipId] of Object.entries(expected)) {
      await page.click(`#patient-list button:has-text("${first}")`);
      await page.waitForFunction((n) => document.querySelector('.banner .name')?.textContent.startsWith(n), first);
      await page.waitForFunction((id) => document.querySelector(`ehr-tip[tip-id="${id}"]`)?.shadowRoot?.querySelector('[part~="body"] strong'), tipId);
      const callouts = await page.$$eval('.guidance ehr-tip', (tips) => tips.map((t) => t.getAttribute('tip-id')));
      assert.deepEqual(callouts, [tipId], `${first} gets exactly its own guidance`);
      const [state] = await tipState(page, tipId);
      assert.equal(state.panelVisible, true);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('opens the beacon on "Sign order" with the keyboard, closes it with Escape, and the order still signs', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?patient=eda17701-070d-4fae-9f7d-c8cd6263b63a`);
    await page.waitForFunction(() => document.querySelector('ehr-tip[tip-id="demo.orders.sign"]')?.shadowRoot?.querySelector('[part~="beacon"]')?.matches(':popover-open'));
    const beacon = page.locator('ehr-tip[tip-id="demo.orders.sign"] >> [part~="beacon"]');
    const box = await beacon.boundingBox();
    const sign = await page.locator('#sign-order').boundingBox();
    assert.ok(Math.abs(box.x - (sign.x + sign.width + 4)) < 3, 'beacon sits right of the button');
    await beacon.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('ehr-tip[tip-id="demo.orders.sign"]').open);
    const [state] = await tipState(page, 'demo.orders.sign');
    assert.equal(state.panelVisible, true);
    assert.match(state.text, /Check the dose, route and frequency/);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('ehr-tip[tip-id="demo.orders.sign"]').open);
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'));
    assert.equal(focused, 'beacon');
    // The host page is untouched: its own form still works.
    await page.click('#sign-order');
    await page.waitForFunction(() => document.querySelector('.orders .status').textContent.startsWith('Signed at'));
    const log = await page.$$eval('#event-log li', (items) => items.map((li) => li.textContent));
    assert.ok(log.some((line) => line.startsWith('show {"tipId":"demo.orders.sign","reason":"keyboard"}')), 'host analytics saw the show event');
    assert.ok(log.every((line) => !/Chet|Thompson|1939/.test(line)), 'no patient data in events');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('anchors a tip to the AI badge inside a vendor widget\'s shadow root, and a tooltip to flagged results', async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?patient=69ee9841-f4a6-427a-a2fd-f5a891682057`);
    await page.waitForFunction(() => document.querySelector('ehr-tip[tip-id="demo.ai.reading-a-score"]')?.shadowRoot?.querySelector('[part~="beacon"]')?.matches(':popover-open'));
    const badge = await page.locator('demo-ai-risk >> .score').boundingBox();
    await page.click('ehr-tip[tip-id="demo.ai.reading-a-score"] >> [part~="beacon"]');
    await page.waitForFunction(() => document.querySelector('ehr-tip[tip-id="demo.ai.reading-a-score"]').open);
    const panel = await page.locator('ehr-tip[tip-id="demo.ai.reading-a-score"] >> [part~="panel"]').boundingBox();
    assert.ok(Math.abs(panel.y - (badge.y + badge.height + 10)) < 3, 'popup sits below the badge');
    const flags = await page.$$('.flag[id^="lab-flag-"]');
    if (flags.length > 0) {
      await flags[0].hover();
      await page.waitForFunction(() => [...document.querySelectorAll('ehr-tip[variant="tooltip"]')].some((t) => t.open));
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('remembers "Don\'t show again" across a reload', async () => {
    const { page, context, problems } = await openPage(browser, server.url);
    await page.waitForFunction(() => document.querySelector('.guidance ehr-tip')?.shadowRoot?.querySelector('[part~="never-button"]'));
    const id = await page.$eval('.guidance ehr-tip', (t) => t.getAttribute('tip-id'));
    await page.click('.guidance ehr-tip >> [part~="never-button"]');
    await page.reload();
    await page.waitForFunction((tipId) => document.querySelector(`ehr-tip[tip-id="${tipId}"]`)?.shadowRoot?.querySelector('[part~="panel"]'), id);
    const [state] = await tipState(page, id);
    assert.equal(state.panelVisible, false);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
