// node bench/profile-start.mjs [library]: where the cold first tour start's longest main-thread task goes on the
// generated 5,000-element page — a DevTools trace (events inside the longest task) and a CPU profile (self time
// by function over the whole run, the callers of the heavy natives, and inclusive time by function inside the
// longest task only; unminified bundle). Not part of npm run bench. Library names as in bench/long-page.ts.
import { createServer } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const page = (await build({ stdin: { contents: "import * as b from './bench/long-page.ts'; globalThis.longPage = b; globalThis.benchReady = true;", resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', write: false, minify: false, tsconfig: join(root, 'tsconfig.json'), logLevel: 'silent' })).outputFiles[0].text;
const server = createServer((req, res) => req.url === '/page.js' ? res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(page) : res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><style>body{margin:0;font:14px system-ui}</style><body><script type="module" src="/page.js"></script>'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const tab = await context.newPage();
await tab.goto(`http://127.0.0.1:${server.address().port}/`);
await tab.waitForFunction(() => globalThis.benchReady);
await tab.evaluate(() => globalThis.longPage.buildScreen(5000));
const cdp = await context.newCDPSession(tab);
const events = [];
cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing,toplevel,v8.execute,blink', transferMode: 'ReportEvents' });
await tab.evaluate(() => performance.mark('bench:start'));
await tab.evaluate((n) => globalThis.longPage.run(n), process.argv[2] ?? 'ehr-guide <ehr-tour> (compiled pack)');
await cdp.send('Tracing.end');
await traced;
const { profile } = await cdp.send('Profiler.stop');
const self = {};
const counts = {};
for (const id of profile.samples) counts[id] = (counts[id] ?? 0) + 1;
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self[k] = (self[k] ?? 0) + (counts[n.id] ?? 0) * 0.1; }
console.log('self time (ms, 0.1 ms samples), top 15:');
console.log(Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `${v.toFixed(1)}  ${k}`).join('\n'));
// Who calls the heavy natives: the stacks (innermost first, 4 frames) under getBoundingClientRect, showPopover,
// focus and the Intl formatter, with their sampled time.
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const stacks = {};
for (const n of profile.nodes) {
  if (!['getBoundingClientRect', 'showPopover', 'focus', 'formatter', 'getComputedStyle', 'scrollIntoView'].includes(n.callFrame.functionName) || !counts[n.id]) continue;
  const frames = [];
  for (let p = n; p && frames.length < 5; p = parent.get(p.id)) frames.push(`${p.callFrame.functionName || '(anon)'}:${p.callFrame.lineNumber}`);
  const k = frames.join(' < ');
  stacks[k] = (stacks[k] ?? 0) + counts[n.id] * 0.1;
}
console.log('heavy natives by caller (ms):');
console.log(Object.entries(stacks).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${v.toFixed(1)}  ${k}`).join('\n'));
const s = events.find((e) => e.name === 'bench:start').ts; const f = events.find((e) => e.name === 'bench:first-step').ts;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((m) => m.pid === e.pid && m.name === 'bench:start'));
const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const task = onMain.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.ts >= s && e.ts <= f).sort((a, b) => b.dur - a.dur)[0];
console.log('longest task', (task.dur / 1000).toFixed(1), 'ms');
const inside = onMain.filter((e) => e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e !== task);
const by = {};
for (const e of inside) {
  by[e.name] ??= { n: 0, ms: 0 };
  by[e.name].n++;
  by[e.name].ms += (e.dur ?? 0) / 1000;
}
console.log(Object.entries(by).sort((a, b) => b[1].ms - a[1].ms).slice(0, 15).map(([k, v]) => `${v.ms.toFixed(1)} ms  ${v.n}×  ${k}`).join('\n'));
const fc = inside.filter((e) => e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame').sort((a, b) => b.dur - a.dur).slice(0, 3);
console.log(fc.map((e) => `${(e.dur / 1000).toFixed(1)} ms ${e.name} ${JSON.stringify(e.args?.data ?? {}).slice(0, 200)}`).join('\n'));
// Inclusive time per function inside the longest task only (the CPU profile's samples timed against the trace's
// clock): where that task goes, callers included.
{
  let t = profile.startTime;
  const inclusive = {};
  let samples = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < task.ts || t > task.ts + task.dur) continue;
    samples++;
    const onStack = new Set();
    for (let p = byId.get(profile.samples[i]); p; p = parent.get(p.id)) onStack.add(`${p.callFrame.functionName || '(anon)'}:${p.callFrame.lineNumber}`);
    for (const k of onStack) inclusive[k] = (inclusive[k] ?? 0) + 1;
  }
  console.log(`inside the longest task (${samples} samples), inclusive ms by function, top 40:`);
  console.log(Object.entries(inclusive).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${((v / Math.max(1, samples)) * task.dur / 1000).toFixed(1)}  ${k}`).join('\n'));
}
await browser.close(); server.close();
