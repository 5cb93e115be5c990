// Two builds:
//  1. dist/*.js — ESM for bundler users: one module per source file, dependencies external, .d.ts from tsc.
//  2. dist/cdn/*.js — self-contained, minified bundles for integrators who use one <script type="module">;
//     lazily imported parts (the markdown compiler and marked) stay separate chunks, loaded only when needed.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import pkg from './package.json' with { type: 'json' };
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const defines = Object.fromEntries(
  readdirSync('src/define')
    .filter((file) => file.endsWith('.ts') && file !== 'define-element.ts')
    .map((file) => [`define/${file.replace(/\.ts$/, '')}`, `src/define/${file}`]),
);

const external = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];
const reactWrappers = Object.fromEntries(
  readdirSync('src/react')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`react/${file.replace(/\.ts$/, '')}`, `src/react/${file}`]),
);
const isExternal = (id) => external.some((dep) => id === dep || id.startsWith(`${dep}/`));

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', sourceMap: true });

/** Writes, per CDN entry, the gzip size of what a page loads up front (the entry and its static imports) and what it may load later. */
function sizeReport() {
  return {
    name: 'ehr-size-report',
    generateBundle(_options, bundle) {
      const gz = (name) => gzipSync(bundle[name].code, { level: 9 }).length;
      const closure = (name, seen = new Set()) => {
        if (seen.has(name)) return seen;
        seen.add(name);
        for (const dep of bundle[name].imports) closure(dep, seen);
        return seen;
      };
      const report = {};
      for (const [name, chunk] of Object.entries(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const upFront = [...closure(name)];
        const lazy = new Set();
        for (const file of upFront) for (const dyn of bundle[file].dynamicImports) for (const f of closure(dyn)) if (!upFront.includes(f)) lazy.add(f);
        report[name] = {
          upFront: upFront.map((f) => ({ file: f, gzip: gz(f), bytes: bundle[f].code.length })),
          lazy: [...lazy].map((f) => ({ file: f, gzip: gz(f), bytes: bundle[f].code.length, modules: Object.keys(bundle[f].modules).filter((m) => !m.startsWith('\0')).map((m) => m.replace(/^.*node_modules\//, '').replace(process.cwd() + '/', '')).slice(0, 4) })),
        };
      }
      this.emitFile({ type: 'asset', fileName: 'size-report.json', source: JSON.stringify(report, null, 2) });
    },
  };
}

/**
 * Bundles `new URL('./fhirpath.worker.js', import.meta.url)` workers: the worker module becomes its own emitted
 * chunk (with fhirpath and the R4 model inside, so the page never loads them) and the URL points at it.
 */
function moduleWorkers() {
  const pattern = /new URL\((['"])\.\/([\w.-]+\.worker)\.js\1,\s*import\.meta\.url\)/g;
  return {
    name: 'ehr-module-workers',
    async transform(code, id) {
      if (!code.includes('.worker.js')) return null;
      let out = code;
      for (const match of [...code.matchAll(pattern)]) {
        const resolved = await this.resolve(`./${match[2]}.js`, id);
        const ref = this.emitFile({ type: 'chunk', id: resolved?.id ?? new URL(`./${match[2]}.ts`, `file://${id}`).pathname, fileName: `${match[2]}.js` });
        out = out.replace(match[0], `new URL(import.meta.ROLLUP_FILE_URL_${ref})`);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * @xapi/xapi's package.json `browser` field points at a UMD file; its ESM build is the same code as a module, so
 * lazy `import('@xapi/xapi')` becomes a clean chunk.
 */
function xapiEsm() {
  return {
    name: 'ehr-xapi-esm',
    resolveId(id) {
      return id === '@xapi/xapi' ? fileURLToPath(new URL('./node_modules/@xapi/xapi/dist/XAPI.esm.js', import.meta.url)) : null;
    },
  };
}

export default [
  {
    input: { index: 'src/index.ts', 'core/index': 'src/core/index.ts', 'smart/index': 'src/smart/index.ts', 'platform/index': 'src/platform/index.ts', ...defines, ...reactWrappers },
    external: isExternal,
    // The markup and CSS inside html`` and css`` templates minified here too: an application's bundler minifies
    // the code but leaves template text as it is, and every byte lands on a clinician's EHR page.
    plugins: [ts(), minifyHTML()],
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true, entryFileNames: '[name].js' },
  },
  {
    // The worker beside worker-evaluator.js, self-contained (fhirpath and the R4 model inside): it works unbundled
    // (a CDN with import maps) and bundlers copy it as the asset `new URL('./fhirpath.worker.js', import.meta.url)` names.
    input: 'src/platform/fhirpath.worker.ts',
    plugins: [nodeResolve({ browser: true }), json(), commonjs(), ts()],
    output: { file: 'dist/platform/fhirpath.worker.js', format: 'es', sourcemap: true, plugins: [minify({ target: 'es2022', legalComments: 'none' })] },
  },
  {
    // The report's worker, self-contained the same way (the report core and valibot-free reading inside).
    input: 'src/platform/report.worker.ts',
    plugins: [nodeResolve({ browser: true }), json(), commonjs(), ts()],
    output: { file: 'dist/platform/report.worker.js', format: 'es', sourcemap: true, plugins: [minify({ target: 'es2022', legalComments: 'none' })] },
  },
  {
    input: Object.fromEntries(Object.entries(defines).map(([name, file]) => [name.replace('define/', ''), file])),
    // Lit's own minifier for the markup and CSS inside html`` and css`` templates (esbuild leaves template text as is).
    plugins: [moduleWorkers(), xapiEsm(), nodeResolve({ browser: true }), json(), commonjs(), ts(), minifyHTML()],
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      // What every element needs (Lit, @lit/context, the define guard, events, the URL policy) in one shared
      // chunk: the tip's path stays two files. The markdown view (checker, renderer, styles) loads with a body.
      manualChunks(id) {
        const base = ['/node_modules/lit/', '/node_modules/lit-html/', '/node_modules/lit-element/', '/node_modules/@lit/reactive-element/', '/node_modules/@lit/context/', '/src/define/define-element.ts', '/src/events.ts', '/src/version.ts', '/src/controllers/guide-context.ts', '/src/components/shared/guide-element.ts', '/src/controllers/guide-controller.ts', '/src/components/shared/markdown-body-controller.ts', '/src/core/adapters.ts', '/src/components/shared/tokens.styles.ts', '/src/core/dismissals.ts', '/src/platform/storage-access.ts'];
        // @lit/context's provider side is <ehr-guide>'s alone; the consumer side is every element's.
        // (Its index only re-exports: left out of the chunk, it does not drag the provider in.)
        if (id.includes('/node_modules/@lit/context/') && /provid|context-root|value-notifier/.test(id)) return 'context-provider';
        if (id.includes('/node_modules/@lit/context/') && id.endsWith('/index.js')) return undefined;
        return base.some((part) => id.includes(part)) ? 'base' : undefined;
      },
      plugins: [minify({ target: 'es2022', legalComments: 'none' }), sizeReport()],
    },
  },
];
