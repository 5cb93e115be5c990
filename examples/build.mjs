// Builds the framework examples as a vendor would: `ehr-guide` resolved as an installed package (through its
// package.json "exports", from a node_modules link to this checkout's built dist/), bundled with esbuild.
//   node examples/build.mjs [outDir]   →   outDir/react19, outDir/react18, outDir/vue
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** React 18 lives in its own folder (npm cannot hold React 18 and 19 side by side in one tree). */
function react18() {
  const dir = join(here, 'react', 'react18');
  if (!existsSync(join(dir, 'node_modules', 'react-dom', 'client.js'))) {
    const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('examples: npm install of React 18 failed');
  }
  return join(dir, 'node_modules');
}

export async function buildExamples(outDir = mkdtempSync(join(tmpdir(), 'ehr-guide-examples-'))) {
  if (!existsSync(join(root, 'dist', 'react', 'index.js'))) throw new Error('examples: build the library first (npm run build)');
  // `ehr-guide` as an installed dependency: a node_modules folder holding a link to this checkout.
  const modules = join(outDir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  if (!existsSync(join(modules, 'ehr-guide'))) symlinkSync(root, join(modules, 'ehr-guide'), 'dir');
  const common = { bundle: true, format: 'esm', target: 'es2022', platform: 'browser', nodePaths: [modules], logLevel: 'warning', jsx: 'automatic', define: { 'process.env.NODE_ENV': '"production"' } };
  const r18 = react18();
  const targets = [
    { name: 'react19', entry: 'react/main.tsx', html: 'react/index.html', alias: {} },
    { name: 'react18', entry: 'react/main.tsx', html: 'react/index.html', alias: { react: join(r18, 'react'), 'react-dom': join(r18, 'react-dom') } },
    { name: 'vue', entry: 'vue/main.ts', html: 'vue/index.html', alias: { vue: join(root, 'node_modules', 'vue', 'dist', 'vue.esm-bundler.js') }, define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' } },
  ];
  for (const t of targets) {
    const dir = join(outDir, t.name);
    mkdirSync(dir, { recursive: true });
    await build({ ...common, entryPoints: [join(here, t.entry)], outfile: join(dir, 'main.js'), alias: t.alias, define: { ...common.define, ...(t.define ?? {}) } });
    cpSync(join(here, t.html), join(dir, 'index.html'));
  }
  return outDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildExamples(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`examples built in ${out} (react19, react18, vue): serve it and open <name>/index.html`);
}
