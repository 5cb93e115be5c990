// npm run bench:tips — ehr-guide's tip and tour next to driver.js, Shepherd.js and intro.js in the same headless
// Chromium: time to show an anchored popup, and a three-step tour's first and next step, each timed to when the
// popup is placed (a sub-frame timer), 25 interleaved rounds after 3 warm-up; ratios against ours. Sizes are
// bench/sizes.mjs's. Writes bench/results.json → tips, tours.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const esb = async (contents, resolveDir = root) =>
  (await build({ stdin: { contents, resolveDir, loader: 'ts' }, bundle: true, format: 'esm', target: 'es2022', write: false, minify: true, tsconfig: join(root, 'tsconfig.json'), logLevel: 'silent' })).outputFiles[0].text;
const css = (path) => readFileSync(join(root, 'node_modules', path), 'utf8');

const page = await esb("import * as bench from './bench/tip-page.ts'; import * as tours from './bench/tour-page.ts'; import * as interactive from './bench/interactive-page.ts'; globalThis.bench = bench; globalThis.tours = tours; globalThis.interactive = interactive; globalThis.benchReady = true;");
const html = `<!doctype html><meta charset="utf-8"><style>${css('driver.js/dist/driver.css')}${css('shepherd.js/dist/css/shepherd.css')}${css('intro.js/introjs.css')}</style><body><script type="module" src="/page.js"></script>`;
const server = createServer((req, res) => {
  if (req.url === '/page.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(page);
  res.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error('page error:', e.message));
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForFunction(() => globalThis.benchReady);
  const ROUNDS = 25;
  const times = await tab.evaluate((n) => globalThis.bench.run(n), ROUNDS);
  const ours = 'ehr-guide <ehr-tip>';
  const FRAME = 1000 / 60;
  console.log(`\nAnchored popup, side by side in headless ${await browser.version()} (${ROUNDS} interleaved rounds after 3 warm-up; sub-frame timer)`);
  console.log('  library                 show median     p95   peer ÷ ours   within one frame');
  for (const [name, t] of Object.entries(times)) console.log(`  ${name.padEnd(22)} ${`${t.median.toFixed(1)} ms`.padStart(11)} ${`${t.p95.toFixed(1)} ms`.padStart(9)} ${(t.median / times[ours].median).toFixed(2).padStart(12)} ${String(t.median <= FRAME).padStart(17)}`);
  console.log('  (show = from creating the popup to it being on screen and positioned; ehr-guide loads marked only for markdown bodies: here the body is slotted text)');

  const tourTimes = await tab.evaluate((n) => globalThis.tours.run(n), ROUNDS);
  const oursTour = 'ehr-guide <ehr-tour>';
  console.log(`\nGuided tour (3 steps), side by side (${ROUNDS} interleaved rounds after 3 warm-up; sub-frame timer)`);
  console.log('  library                 start → step 1   next → step 2   next → step 3   step 1: peer ÷ ours   step 2   step 3');
  for (const [name, t] of Object.entries(tourTimes)) {
    const o = tourTimes[oursTour];
    console.log(`  ${name.padEnd(22)} ${`${t.first.median.toFixed(1)} ms`.padStart(14)} ${`${t.next.median.toFixed(1)} ms`.padStart(15)} ${`${t.last.median.toFixed(1)} ms`.padStart(15)} ${(t.first.median / o.first.median).toFixed(2).padStart(21)} ${(t.next.median / o.next.median).toFixed(2).padStart(8)} ${(t.last.median / o.last.median).toFixed(2).padStart(8)}`);
  }
  console.log('  (ehr-guide\'s steps here are markdown, compiled on demand; its tour never dims or blocks the page)');
  const stepTimes = await tab.evaluate((n) => globalThis.interactive.run(n), ROUNDS);
  const oursStep = stepTimes['ehr-guide <ehr-tour>'].afterClick.median;
  console.log(`\nInteractive step: a click on the step's control → the next step placed (${ROUNDS} interleaved rounds after 3 warm-up; sub-frame timer)`);
  console.log('  library                        click → next placed     p95   peer ÷ ours   within one frame');
  for (const [name, t] of Object.entries(stepTimes)) console.log(`  ${name.padEnd(30)} ${`${t.afterClick.median.toFixed(1)} ms`.padStart(19)} ${`${t.afterClick.p95.toFixed(1)} ms`.padStart(9)} ${(t.afterClick.median / oursStep).toFixed(2).padStart(12)} ${String(t.afterClick.median <= FRAME).padStart(17)}`);
  console.log('  (Shepherd.js has advanceOn; driver.js and intro.js have no interactive steps: the host calls next from its own click listener)');
  const file = join(root, 'bench/results.json');
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const browserVersion = await browser.version();
  all.tips = { date: new Date().toISOString(), browser: browserVersion, rounds: ROUNDS, timer: 'sub-frame (MessageChannel)', showMs: times };
  all.tours = { date: new Date().toISOString(), browser: browserVersion, rounds: ROUNDS, timer: 'sub-frame (MessageChannel)', ms: tourTimes };
  all.interactive = { date: new Date().toISOString(), browser: browserVersion, rounds: ROUNDS, timer: 'sub-frame (MessageChannel)', ms: stepTimes };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
} finally {
  await browser.close();
  server.close();
}
