// npm run build: rollup (ESM + CDN bundles), .d.ts with tsc, themes, custom-elements.json; then prints sizes.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${cmd} ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
};
const bin = (name) => join('node_modules', '.bin', name);

rmSync('dist', { recursive: true, force: true });
run(process.execPath, ['scripts/compile-messages.mjs']);
run(process.execPath, [bin('rollup'), '-c', '--silent']);
run(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
cpSync('src/themes', 'dist/themes', { recursive: true });
run(process.execPath, ['scripts/gen-schema.mjs']);

// The SMART app (dist/app): launch.html + index.html, bundled with esbuild (fhirclient is CommonJS); fhirclient
// and the markdown compiler are split into chunks loaded on demand, the FHIRPath worker sits beside them.
{
  const { build } = await import('esbuild');
  const common = { bundle: true, format: 'esm', target: 'es2022', minify: true, sourcemap: true, platform: 'browser', tsconfig: 'tsconfig.json', logLevel: 'warning', legalComments: 'none', alias: { '@xapi/xapi': './node_modules/@xapi/xapi/dist/XAPI.esm.js' } };
  await build({ ...common, entryPoints: ['app/launch.ts', 'app/app.ts'], outdir: 'dist/app', splitting: true, chunkNames: 'chunks/[name]-[hash]' });
  await build({ ...common, entryPoints: ['src/platform/fhirpath.worker.ts'], outfile: 'dist/app/fhirpath.worker.js' });
  // Self-contained: every file the app loads sits inside dist/app (packs and their value sets, the icon, the
  // run-time configuration), so it can be hosted on its own on any static server or CDN.
  for (const file of ['launch.html', 'index.html', 'app.css', 'ehr-guide.config.json']) cpSync(join('app', file), join('dist/app', file));
  cpSync('demo/favicon.svg', 'dist/app/favicon.svg');
  cpSync('packs', 'dist/app/packs', { recursive: true, filter: (src) => !src.includes('expectations') });
}
run(process.execPath, [join('node_modules', '@custom-elements-manifest', 'analyzer', 'cem.js'), 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (s, n) => String(s).padEnd(n);
console.log('\nehr-guide build sizes (minified, gzip -9)');
const report = JSON.parse(readFileSync('dist/cdn/size-report.json', 'utf8'));
for (const [entry, { upFront, lazy }] of Object.entries(report)) {
  const total = upFront.reduce((sum, f) => sum + f.gzip, 0);
  if (entry.endsWith('.worker.js')) {
    const what = entry.startsWith('fhirpath') ? 'fhirpath + R4 model, started only when a loaded pack has FHIRPath conditions' : 'the report aggregation, started by <ehr-guide-report>';
    console.log(`  ${pad(`cdn/${entry}`, 28)} ${pad(kb(total), 9)} Web Worker: ${what}`);
    continue;
  }
  console.log(`  ${pad(`cdn/${entry}`, 28)} ${pad(kb(total), 9)} loaded up front (${upFront.map((f) => f.file).join(' + ')})`);
  for (const chunk of lazy) console.log(`  ${pad(`  lazy ${chunk.file.replace(/^chunks\//, '')}`, 28)} ${pad(kb(chunk.gzip), 9)} only when needed: ${chunk.modules.join(', ')}`);
}
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
for (const file of readdirSync('dist/themes')) console.log(`  ${pad(`themes/${file}`, 28)} ${kb(gz(join('dist/themes', file)))}`);
let esm = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'cdn') walk(path);
    } else if (name.endsWith('.js') && !name.endsWith('.worker.js')) esm += gz(path);
  }
};
walk('dist');
console.log(`  ${pad('ESM modules (unminified)', 28)} ${kb(esm)} in all, dependencies external (plus platform/fhirpath.worker.js, self-contained)`);
console.log('  for reference: Shepherd.js 16.4 KB (+1 KB CSS), driver.js 7.4 KB (+1 KB CSS), Lit 6.3 KB, @floating-ui/dom 5.5 KB, marked 16 KB');
