// node bench/heap-diff.mjs [library] [cycles]: what a library's anchored-popup cycles leave on the heap, by kind —
// two heap snapshots (after forced GCs, DevTools protocol) before and after the cycles, diffed by node type and
// constructor name. Answers "is heap growth our objects, or the engine's own (JIT code, Blink tables)?".
// Not part of npm run bench (a snapshot takes seconds).
import { createServer } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ensureChromium, CHROMIUM_ARGS } from '../scripts/lib/chromium.mjs';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const page = (await build({ stdin: { contents: "import * as t from './bench/tip-page.ts'; globalThis.tipPage = t; globalThis.benchReady = true;", resolveDir: root, loader: 'ts' }, bundle: true, format: 'esm', write: false, tsconfig: join(root, 'tsconfig.json'), logLevel: 'silent', keepNames: true })).outputFiles[0].text;
const server = createServer((req, res) => req.url === '/page.js' ? res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(page) : res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><body><script type="module" src="/page.js"></script>'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
const tab = await browser.newPage();
const cdp = await tab.context().newCDPSession(tab);
await tab.goto(`http://127.0.0.1:${server.address().port}/`);
await tab.waitForFunction(() => globalThis.benchReady);
async function snapshot() {
  await cdp.send('HeapProfiler.collectGarbage'); await cdp.send('HeapProfiler.collectGarbage');
  let chunks = [];
  const on = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', on);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', on);
  const snap = JSON.parse(chunks.join(''));
  const f = snap.snapshot.meta.node_fields; const types = snap.snapshot.meta.node_types[0];
  const n = f.length; const counts = {};
  for (let i = 0; i < snap.nodes.length; i += n) {
    const type = types[snap.nodes[i]]; const name = snap.strings[snap.nodes[i + 1]]; const size = snap.nodes[i + 3];
    const key = `${type}:${type === 'string' || type === 'concatenated string' ? '(str)' : name.slice(0, 60)}`;
    const c = (counts[key] ??= { n: 0, size: 0 }); c.n++; c.size += size;
  }
  return counts;
}
const LIBRARY = process.argv[2] ?? 'ehr-guide <ehr-tip>';
const CYCLES = Number(process.argv[3] ?? 200);
await tab.evaluate((l) => globalThis.tipPage.cycle(l, 20), LIBRARY);
const a = await snapshot();
await tab.evaluate(([l, c]) => globalThis.tipPage.cycle(l, c), [LIBRARY, CYCLES]);
const b = await snapshot();
const diff = Object.entries(b).map(([k, v]) => [k, v.n - (a[k]?.n ?? 0), v.size - (a[k]?.size ?? 0)]).filter(([, dn, ds]) => dn > 50 || ds > 5000).sort((x, y) => y[2] - x[2]);
console.log(`Heap growth after ${CYCLES} cycles of ${LIBRARY} (kind:name  count  bytes), entries over 50 objects or 5 KB:`);
console.log(diff.slice(0, 25).map((d) => d.join('  ')).join('\n') || '  none');
await browser.close(); server.close();
