// npm run bench (part): what each library costs up front, gzip -9, JS + CSS, beside driver.js, Shepherd.js and
// intro.js. Ours is measured twice from the built ESM (dist/): all-in (Lit, floating-ui, @lit/context bundled) and
// with Lit external (a host that already ships Lit), each bundled by esbuild with code splitting, counting only
// what loads before the element can show (the entry and its static imports; markdown, tooltip and pack-item
// chunks load later, on use). Run `npm run build` first. Writes bench/results.json → sizes.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const gz = (text) => gzipSync(text, { level: 9 }).length;
const css = (path) => readFileSync(join(root, 'node_modules', path), 'utf8');
const LIT = ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'];

/** Up-front gzip bytes of `entries` bundled together with splitting: the entry chunks and their static imports. */
async function upFront(entries, external = []) {
  const result = await build({
    entryPoints: entries.map((e) => join(root, e)),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outdir: join(root, 'bench/.out'),
    external,
    logLevel: 'silent',
    conditions: ['production'],
  });
  const texts = new Map(result.outputFiles.map((f) => [relative(root, f.path), f.text]));
  const outputs = result.metafile.outputs;
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imp of outputs[file].imports) if (imp.kind === 'import-statement' && !imp.external) visit(imp.path);
  };
  for (const [file, meta] of Object.entries(outputs)) if (meta.entryPoint && entries.some((e) => meta.entryPoint.endsWith(e))) visit(file);
  return [...seen].reduce((sum, file) => sum + gz(texts.get(file) ?? ''), 0);
}

const peer = async (contents) => gz((await build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, format: 'esm', target: 'es2022', minify: true, write: false, logLevel: 'silent' })).outputFiles[0].text);

const TIP = 'dist/define/ehr-tip.js';
const TOUR = 'dist/define/ehr-tour.js';
const ALL = 'dist/define/all.js';
if (!existsSync(join(root, TIP))) throw new Error('bench/sizes.mjs: run `npm run build` first (dist/ is missing)');
const ours = {
  tip: await upFront([TIP]),
  tipAndTour: await upFront([TIP, TOUR]),
  all: await upFront([ALL]),
  tipLitExternal: await upFront([TIP], LIT),
  tipAndTourLitExternal: await upFront([TIP, TOUR], LIT),
};
const peers = {
  'driver.js': (await peer("import { driver } from 'driver.js'; globalThis.d = driver;")) + gz(css('driver.js/dist/driver.css')),
  'Shepherd.js': (await peer("import Shepherd from 'shepherd.js'; globalThis.s = Shepherd;")) + gz(css('shepherd.js/dist/css/shepherd.css')),
  'intro.js': (await peer("import introJs from 'intro.js'; globalThis.i = introJs;")) + gz(css('intro.js/introjs.css')),
};

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('\nUp-front size, gzip -9, JS + CSS (each peer is one bundle: a tip and a tour are the same code)');
console.log('  what                                   ehr-guide   ' + Object.keys(peers).map((p) => p.padStart(12)).join(' '));
for (const [label, value] of [
  ['tip, all-in', ours.tip],
  ['tip + 10-step tour, all-in', ours.tipAndTour],
  ['tip, Lit external', ours.tipLitExternal],
  ['tip + tour, Lit external', ours.tipAndTourLitExternal],
  ['every element (all.js), all-in', ours.all],
]) {
  console.log(`  ${label.padEnd(38)} ${kb(value).padStart(9)}   ${Object.values(peers).map((p) => `${kb(p)} (${(value / p).toFixed(2)}×)`.padStart(12)).join(' ')}`);
}
console.log('  (× = ehr-guide ÷ the peer; targets: tip all-in ≤ Shepherd.js, tip with Lit external ≤ driver.js, tip + tour ≤ Shepherd.js)');

const file = join(root, 'bench/results.json');
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all.sizes = { date: new Date().toISOString(), unit: 'bytes, gzip -9, JS + CSS, up front', ours, peers };
writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
