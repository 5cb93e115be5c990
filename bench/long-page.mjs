// npm run bench (part): a 10-step tour down a generated 5,000-element EHR screen, with ehr-guide's <ehr-tour>,
// driver.js, Shepherd.js and intro.js, each in a fresh tab of the same headless Chromium: steps the clinician
// could see (popup and target in view), and what 20 tour runs leave behind — DOM nodes (shadow trees too) and
// event listeners still attached, counted in the page.
// Writes its figures into bench/results.json.
import { createServer } from 'node:http';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const css = (path) => readFileSync(join(root, 'node_modules', path), 'utf8');
const page = (await build({ stdin: { contents: "import * as b from './bench/long-page.ts'; import * as t from './bench/tip-page.ts'; globalThis.longPage = b; globalThis.tipPage = t; globalThis.benchReady = true;", resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', target: 'es2022', write: false, minify: true, tsconfig: join(root, 'tsconfig.json'), logLevel: 'silent' })).outputFiles[0].text;
const html = `<!doctype html><meta charset="utf-8"><style>body{margin:0;font:14px system-ui}${css('driver.js/dist/driver.css')}${css('shepherd.js/dist/css/shepherd.css')}${css('intro.js/introjs.css')}</style><body><script type="module" src="/page.js"></script>`;
const server = createServer((req, res) => {
  if (req.url === '/page.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(page);
  res.writeHead(200, { 'Content-Type': 'text/html' }).end(html);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));

const LIBRARIES = (process.env.BENCH_LIBRARIES ?? 'ehr-guide <ehr-tour>,ehr-guide <ehr-tour> (compiled pack),driver.js,Shepherd.js,intro.js').split(',');
const RUNS = Number(process.env.BENCH_TOUR_RUNS ?? 20);
const TIP_CYCLES = Number(process.env.BENCH_TIP_CYCLES ?? 200);
/** Cold starts per library (each in a fresh tab): the longest start task is their median. */
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
// Heap after GC: HeapProfiler.collectGarbage (twice) then Runtime.getHeapUsage, through the DevTools protocol.
const COUNTING = `(() => {
  const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  const live = new WeakMap(); const targets = new Set(); let ids = 0; const fnIds = new WeakMap();
  const key = (type, fn, o) => type + '|' + (o === true || (o && o.capture) ? 1 : 0) + '|' + (fn ? (fnIds.get(fn) ?? (fnIds.set(fn, ++ids), ids)) : 0);
  EventTarget.prototype.addEventListener = function (type, fn, o) { const set = live.get(this) ?? new Set(); const k = key(type, fn, o); if (fn && !set.has(k)) { set.add(k); if (!live.has(this)) targets.add(new WeakRef(this)); } live.set(this, set); return add.call(this, type, fn, o); };
  EventTarget.prototype.removeEventListener = function (type, fn, o) { const set = live.get(this); if (set) set.delete(key(type, fn, o)); return remove.call(this, type, fn, o); };
  const count = (n) => { let c = 1; if (n.shadowRoot) c += count(n.shadowRoot); for (const ch of n.childNodes) c += count(ch); return c; };
  // Listeners count on targets the page still holds: window, document, and connected nodes (a removed element's
  // own listeners go with it).
  const held = (t) => t === window || t === document || (t instanceof Node && (t.isConnected || (t instanceof ShadowRoot && t.host.isConnected)));
  globalThis.__counters = () => { let listeners = 0; for (const ref of targets) { const t = ref.deref(); if (!t) { targets.delete(ref); continue; } if (held(t)) listeners += live.get(t).size; } return { nodes: count(document), listeners }; };
})();`;
/**
 * One cold start: a fresh tab (its own renderer, nothing compiled or cached), the screen built, then the first
 * tour traced — the longest main-thread task from start to step 1 on screen (DevTools trace). No listener counting
 * here: only the library runs.
 */
async function coldStart(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const tab = await context.newPage();
    tab.on('pageerror', (e) => console.error(`page error (${name}, cold start):`, e.message));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => globalThis.benchReady);
    await tab.evaluate(() => globalThis.longPage.buildScreen(5000));
    const cdp = await context.newCDPSession(tab);
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,toplevel', transferMode: 'ReportEvents' });
    await tab.evaluate(() => performance.mark('bench:start'));
    await tab.evaluate((n) => globalThis.longPage.run(n), name);
    await cdp.send('Tracing.end');
    await traced;
    const startTs = events.find((e) => e.name === 'bench:start')?.ts;
    const stepTs = events.find((e) => e.name === 'bench:first-step')?.ts;
    const mainThread = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((m) => m.pid === e.pid && m.name === 'bench:start'));
    if (!startTs || !stepTs || !mainThread) return null;
    return events.filter((e) => e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= startTs && e.ts <= stepTs).reduce((max, e) => Math.max(max, (e.dur ?? 0) / 1000), 0);
  } finally {
    await context.close();
  }
}
const median = (values) => {
  const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
};

const results = {};
const cold = Object.fromEntries(LIBRARIES.map((name) => [name, []]));
try {
  // Cold starts first, the libraries interleaved round by round (so a slow moment of the machine falls on all of them).
  for (let round = 0; round < COLD_RUNS; round++) for (const name of LIBRARIES) cold[name].push(await coldStart(name));
  for (const name of LIBRARIES) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await context.newPage();
    await tab.addInitScript(COUNTING);
    tab.on('pageerror', (e) => console.error(`page error (${name}):`, e.message));
    tab.on('crash', () => console.error(`tab crashed (${name})`));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.waitForFunction(() => globalThis.benchReady);
    await tab.evaluate(() => globalThis.longPage.buildScreen(5000));
    // Counted in the page: every node of the document and its shadow trees, and listeners added and not removed
    // on any target (addEventListener/removeEventListener wrapped before any library loads; see COUNTING).
    const counters = () => tab.evaluate(() => globalThis.__counters());
    const cdp = await context.newCDPSession(tab);
    const heap = async () => {
      if (process.env.BENCH_NO_HEAP) return 0; // BENCH_NO_HEAP=1: skip the forced GCs (a faster run, no heap figures)
      await cdp.send('HeapProfiler.collectGarbage');
      await counters(); // lets the harness drop its references to listener targets that are gone
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const elements = await tab.evaluate(() => document.body.getElementsByTagName('*').length);
    // The first (warm-up) run: the steps it reached (the cold start's longest task is measured apart, below).
    const first = await tab.evaluate((n) => globalThis.longPage.run(n), name);
    const before = await counters();
    const heapBefore = await heap();
    const reached = [];
    for (let i = 0; i < RUNS; i++) { if (process.env.BENCH_DEBUG) console.error('run', i, JSON.stringify(await counters()), JSON.stringify(await tab.evaluate(() => performance.memory?.usedJSHeapSize))); reached.push(await tab.evaluate((n) => globalThis.longPage.run(n), name)); }
    const after = await counters();
    const heapAfter = await heap();
    // 200 anchored-popup cycles (the tip-like use of each library): what they leave behind.
    const tipName = name.startsWith('ehr-guide') ? 'ehr-guide <ehr-tip>' : name;
    await tab.evaluate((n) => globalThis.tipPage.cycle(n, 5), tipName); // warm-up
    const tipBefore = await counters();
    const tipHeapBefore = await heap();
    await tab.evaluate(([n, k]) => globalThis.tipPage.cycle(n, k), [tipName, TIP_CYCLES]);
    const tipAfter = await counters();
    const tipHeapAfter = await heap();
    results[name] = {
      elements,
      firstRunStepsReached: first,
      stepsReachedMedian: reached.sort((a, b) => a - b)[Math.floor(RUNS / 2)],
      longestStartTaskMs: median(cold[name]),
      longestStartTaskRunsMs: cold[name].map((ms) => (ms === null ? null : Math.round(ms * 10) / 10)),
      leftBehind: { nodes: after.nodes - before.nodes, listeners: after.listeners - before.listeners, heapKB: Math.round((heapAfter - heapBefore) / 1024) },
      tipCycles: { cycles: TIP_CYCLES, nodes: tipAfter.nodes - tipBefore.nodes, listeners: tipAfter.listeners - tipBefore.listeners, heapKB: Math.round((tipHeapAfter - tipHeapBefore) / 1024) },
    };
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`\n10-step tour down a generated 5,000-element EHR screen (each library in a fresh tab; ${RUNS} runs after one warm-up run)`);
console.log('  library                 steps seen (1st / median)   longest task start→step 1   after 20 tours: nodes  listeners  heap    after 200 popups: nodes  listeners  heap');
for (const [name, r] of Object.entries(results)) {
  const t = r.tipCycles;
  console.log(`  ${name.padEnd(22)} ${`${r.firstRunStepsReached} / ${r.stepsReachedMedian} of 10`.padStart(14)} ${(r.longestStartTaskMs === null ? 'n/a' : `${r.longestStartTaskMs.toFixed(1)} ms`).padStart(26)} ${String(r.leftBehind.nodes).padStart(24)} ${String(r.leftBehind.listeners).padStart(10)} ${`${r.leftBehind.heapKB} KB`.padStart(7)} ${String(t.nodes).padStart(24)} ${String(t.listeners).padStart(10)} ${`${t.heapKB} KB`.padStart(7)}`);
}
console.log('  (a step is seen when its popup and its target are both inside the viewport; listeners are those added and not removed, on any target, counted in the page;');
console.log(`   heap = used JS heap after two forced GCs (DevTools protocol), after minus before; the longest task is the median of ${COLD_RUNS} cold starts, each in a fresh tab, from a DevTools trace)`);

const file = join(root, 'bench/results.json');
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all.longPageTour = { date: new Date().toISOString(), browser: 'headless Chromium (Debian)', runs: RUNS, coldRuns: COLD_RUNS, results };
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
