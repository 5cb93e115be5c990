// web-test-runner: unit and component tests in headless Chromium (Debian's), Lit in dev mode so its warnings show.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { ensureChromium, CHROMIUM_ARGS } from './scripts/lib/chromium.mjs';
import { countReporter } from './scripts/lib/wtr-count-reporter.mjs';
import { bundlePlugin } from './scripts/lib/wtr-bundle-plugin.mjs';
import { recorderMiddleware } from './scripts/lib/wtr-recorder.mjs';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';

// emulateMedia() of @web/test-runner-commands cannot set forced-colors with the Chrome (puppeteer) launcher.
const forcedColorsSessions = new Map();
const forcedColorsPlugin = {
  name: 'emulate-forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-forced-colors') return undefined;
    const page = session.browser.getPage(session.id);
    // puppeteer's emulateMediaFeatures() refuses forced-colors; the DevTools protocol itself accepts it.
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
    forcedColorsSessions.set(session.id, cdp);
    return true;
  },
};

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
const executablePath = ensureChromium();

export default {
  files: ['test/**/*.test.ts', '!test/e2e/**'],
  // What an LRS and a CDS service receive, for the learning-record and feedback tests.
  // /__inert/: where the XSS tests' <base> points relative image URLs of hostile content ("&#106;avascript:…"),
  // answered at once, empty (the dev server left some such paths unanswered, hanging the test page).
  middleware: [
    recorderMiddleware(),
    (ctx, next) => {
      if (!ctx.path.startsWith('/__inert/')) return next();
      ctx.status = 204;
      return undefined;
    },
  ],
  nodeResolve: { browser: true, exportConditions: ['development'], mainFields: ['module', 'browser', 'main'] },
  plugins: [
    bundlePlugin({
      rootDir: fileURLToPath(new URL('.', import.meta.url)),
      tsconfig,
      entries: {
        '/src/platform/fhirpath.worker.js': 'src/platform/fhirpath.worker.ts',
        '/src/platform/report.worker.js': 'src/platform/report.worker.ts',
        '/node_modules/fhirpath/fhir-context/r4/index.mjs': 'node_modules/fhirpath/fhir-context/r4/index.mjs',
      },
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
    forcedColorsPlugin,
    // Screenshots of every element in English, Spanish and right to left (test/components/i18n/screens.test.ts),
    // compared with the committed ones in test/screenshots/; `npm run test:unit -- --update-visual-baseline`
    // rewrites them. Failures and diffs go to test-results/screenshots/.
    visualRegressionPlugin({
      update: process.argv.includes('--update-visual-baseline'),
      baseDir: 'test/screenshots',
      getBaselineName: ({ name }) => `${name}.png`,
      getFailedName: ({ name }) => `../../test-results/screenshots/${name}.png`,
      getDiffName: ({ name }) => `../../test-results/screenshots/${name}-diff.png`,
      diffOptions: { threshold: 0.2 },
      failureThreshold: 1,
      failureThresholdType: 'percent',
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  // One page at a time: focus, pointer and requestAnimationFrame only behave as for a user in the foreground page.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  coverageConfig: {
    include: ['src/**/*.ts'],
    // src/i18n/compiled: generated message functions (checked against the catalogues by compile-messages --check).
    exclude: ['src/**/*.d.ts', 'src/i18n/compiled/**'],
    threshold: { statements: 85, lines: 85, branches: 75, functions: 80 },
    reportDir: 'coverage',
    reporters: ['lcov', 'text-summary'],
  },
  // Lit's dev-mode warnings (each links to lit.dev/msg/…) are collected from the first script on, and
  // test/helpers.ts fails the test during which one appeared.
  testRunnerHtml: (testFramework) => `<!doctype html><html><head><script>
    window.__litWarnings = [];
    const warn = console.warn.bind(console);
    console.warn = (...args) => {
      const text = args.map(String).join(' ');
      if (/lit\\.dev\\/msg\\//.test(text) && !/Lit is in dev mode/.test(text)) window.__litWarnings.push(text);
      warn(...args);
    };
  </script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  filterBrowserLogs: ({ args }) => !String(args?.[0] ?? '').includes('Lit is in dev mode'),
  reporters: [defaultReporter(), countReporter({ file: 'node_modules/.cache/ehr-guide/wtr-results.json' })],
};
