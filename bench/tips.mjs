// npm run bench:tips — ehr-guide's tip next to driver.js and Shepherd.js in the same headless Chromium: bundle size
// (minified, gzip -9, with each library's CSS) and time to show an anchored popup, with ratios.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const esb = async (contents, resolveDir = root) =>
  (await build({ stdin: { contents, resolveDir, loader: 'ts' }, bundle: true, format: 'esm', target: 'es2022', write: false, minify: true, tsconfig: join(root, 'tsconfig.json'), logLevel: 'silent' })).outputFiles[0].text;
const gz = (text) => gzipSync(text, { level: 9 }).length;
const css = (path) => readFileSync(join(root, 'node_modules', path), 'utf8');

// Ours: what dist/cdn/ehr-tip.js loads up front (rollup keeps the lazy markdown chunk apart; esbuild without
// splitting would inline it). Run `npm run build` first.
const report = JSON.parse(readFileSync(join(root, 'dist/cdn/size-report.json'), 'utf8'));
const sizes = {
  'ehr-guide <ehr-tip>': report['ehr-tip.js'].upFront.reduce((sum, f) => sum + f.gzip, 0),
  'driver.js': gz(await esb("import { driver } from 'driver.js'; globalThis.d = driver;")) + gz(css('driver.js/dist/driver.css')),
  'Shepherd.js': gz(await esb("import Shepherd from 'shepherd.js'; globalThis.s = Shepherd;")) + gz(css('shepherd.js/dist/css/shepherd.css')),
};

const page = await esb("import * as bench from './bench/tip-page.ts'; import * as tours from './bench/tour-page.ts'; globalThis.bench = bench; globalThis.tours = tours; globalThis.benchReady = true;");
const html = `<!doctype html><meta charset="utf-8"><style>${css('driver.js/dist/driver.css')}${css('shepherd.js/dist/css/shepherd.css')}</style><body><script type="module" src="/page.js"></script>`;
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
  const times = await tab.evaluate(() => globalThis.bench.run(25));
  const ours = 'ehr-guide <ehr-tip>';
  console.log(`\nAnchored popup, side by side in headless ${await browser.version()} (25 interleaved rounds after 3 warm-up)`);
  console.log('  library                 gzip (JS+CSS)   show median     p95    size ÷ ours   time ÷ ours');
  for (const name of Object.keys(sizes)) {
    const t = times[name];
    console.log(`  ${name.padEnd(22)} ${`${(sizes[name] / 1024).toFixed(1)} KB`.padStart(10)} ${`${t.median.toFixed(1)} ms`.padStart(12)} ${`${t.p95.toFixed(1)} ms`.padStart(9)} ${(sizes[name] / sizes[ours]).toFixed(2).padStart(12)} ${(t.median / times[ours].median).toFixed(2).padStart(12)}`);
  }
  console.log('  (show = from creating the popup to it being on screen and positioned, checked each animation frame;');
  console.log('   ehr-guide loads marked only for markdown bodies: here the body is slotted text)');

  // Guided tours: three steps; time to the first step, and from "next" to the second, each on screen and placed.
  const tourTimes = await tab.evaluate(() => globalThis.tours.run(25));
  const tourSizes = { ...sizes, 'ehr-guide <ehr-tour>': report['ehr-tour.js'].upFront.reduce((sum, f) => sum + f.gzip, 0) };
  delete tourSizes[ours];
  const oursTour = 'ehr-guide <ehr-tour>';
  console.log(`\nGuided tour (3 steps), side by side (25 interleaved rounds after 3 warm-up)`);
  console.log('  library                 gzip (JS+CSS)   first step median   next step median   first ÷ ours   next ÷ ours');
  for (const name of [oursTour, 'driver.js', 'Shepherd.js']) {
    const t = tourTimes[name];
    console.log(`  ${name.padEnd(22)} ${`${(tourSizes[name] / 1024).toFixed(1)} KB`.padStart(10)} ${`${t.first.median.toFixed(1)} ms`.padStart(19)} ${`${t.next.median.toFixed(1)} ms`.padStart(18)} ${(t.first.median / tourTimes[oursTour].first.median).toFixed(2).padStart(14)} ${(t.next.median / tourTimes[oursTour].next.median).toFixed(2).padStart(13)}`);
  }
  console.log('  (ehr-guide\'s steps here are markdown, compiled on demand; its tour never dims or blocks the page)');
} finally {
  await browser.close();
  server.close();
}
