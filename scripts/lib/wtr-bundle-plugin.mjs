// A web-test-runner (dev-server) plugin that serves some files bundled by esbuild instead of as they are:
//  - the FHIRPath Web Worker, which must be one self-contained module;
//  - CommonJS-backed packages (fhirpath's R4 model wraps a CommonJS file that requires JSON), bundled to ESM on
//    first request, as Vite's dependency pre-bundling does.
import { build } from 'esbuild';
import { resolve } from 'node:path';

export function bundlePlugin({ rootDir, tsconfig, entries }) {
  const cache = new Map();
  const bundle = async (file) => {
    if (!cache.has(file)) {
      cache.set(
        file,
        build({ entryPoints: [file], bundle: true, format: 'esm', target: 'es2022', write: false, sourcemap: 'inline', tsconfig, platform: 'browser', logLevel: 'silent' }).then((r) => r.outputFiles[0].text),
      );
    }
    return cache.get(file);
  };
  return {
    name: 'ehr-bundle',
    // Bundled when the server starts, not on the first request: the first test to start a worker must not wait
    // for esbuild (on a cold machine that took longer than a test's own waits).
    serverStart() {
      for (const entry of Object.values(entries)) void bundle(resolve(rootDir, entry)).catch(() => undefined);
    },
    async serve(context) {
      const entry = entries[context.path];
      if (!entry) return undefined;
      return { body: await bundle(resolve(rootDir, entry)), type: 'js' };
    },
  };
}
