// npm run bench (part), ehr-guide alone: how soon guidance is there. (1) The demo EHR page opened on a patient:
// from navigation start to the first decisions ('ehr-guide:first-decisions' on the performance timeline) and to
// the first tip's beacon on screen. (2) The SMART app launched from the demo EHR against the embedded sandbox:
// from fhirclient's ready() ('ehr-guide:smart-ready') to the first decisions in the app. Medians of 7 runs, each in
// a fresh browser context (cold caches). Run `npm run build` first. Writes bench/results.json → startup.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../demo/server.mjs';
import { launch } from '../test/e2e/browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await startDemoServer({ port: 0 });
const browser = await launch();
const page = { decisions: [], beacon: [] };
const smart = { readyToDecisions: [], launchToDecisions: [] };
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(new URL('?patient=eda17701-070d-4fae-9f7d-c8cd6263b63a', server.url).href);
    await tab.waitForFunction(() => performance.getEntriesByName('ehr-guide:first-decisions').length > 0, null, { timeout: 20000 });
    // The beacon: polled every animation frame, so this figure carries up to one frame of slack.
    const beaconAt = await tab.waitForFunction(() => {
      const shown = [...document.querySelectorAll('ehr-tip')].some((tip) => {
        const beacon = tip.shadowRoot?.querySelector('[part~="beacon"]');
        return beacon?.matches(':popover-open') && beacon.getBoundingClientRect().width > 0;
      });
      return shown ? performance.now() : 0;
    }, null, { timeout: 20000, polling: 'raf' });
    page.decisions.push(await tab.evaluate(() => performance.getEntriesByName('ehr-guide:first-decisions')[0].startTime));
    page.beacon.push(await beaconAt.jsonValue());

    // The SMART app, launched from the chart.
    await tab.click('#patient-list button:has-text("Joaquin")');
    await tab.waitForFunction(() => document.querySelector('.banner .name')?.textContent.startsWith('Joaquin'));
    await tab.click('#open-app');
    await tab.waitForFunction(() => document.getElementById('app-frame')?.contentWindow?.location.pathname === '/app/index.html', null, { timeout: 20000 });
    const frame = tab.frames().find((f) => f.url().includes('/app/index.html'));
    await frame.waitForFunction(() => performance.getEntriesByName('ehr-guide:first-decisions').length > 0, null, { timeout: 20000 });
    const marks = await frame.evaluate(() => ({ ready: performance.getEntriesByName('ehr-guide:smart-ready')[0]?.startTime, decisions: performance.getEntriesByName('ehr-guide:first-decisions')[0].startTime }));
    smart.readyToDecisions.push(marks.decisions - marks.ready);
    smart.launchToDecisions.push(marks.decisions);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const results = {
  pageFirstDecisionsMs: median(page.decisions),
  pageFirstBeaconMs: median(page.beacon),
  smartReadyToFirstDecisionsMs: median(smart.readyToDecisions),
  smartAppPageToFirstDecisionsMs: median(smart.launchToDecisions),
  runs: RUNS,
};
const ms = (n) => `${n.toFixed(0)} ms`;
console.log(`\nStart-up, ehr-guide alone (demo EHR with the embedded sandbox; medians of ${RUNS} cold runs)`);
console.log(`  EHR page opened on a patient → first decisions ${ms(results.pageFirstDecisionsMs)}, first tip beacon on screen ${ms(results.pageFirstBeaconMs)} (from navigation start; the page loads packs, value sets and the record)`);
console.log(`  SMART app: fhirclient ready() → first decisions ${ms(results.smartReadyToFirstDecisionsMs)} (FHIR reads of the patient's record included); app page start → first decisions ${ms(results.smartAppPageToFirstDecisionsMs)}`);
const file = join(root, 'bench/results.json');
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all.startup = { date: new Date().toISOString(), browser: 'headless Chromium (Debian)', ...results, samples: { page, smart } };
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
