// npm test: the whole suite, on a fresh machine too. Installs what it needs (npm packages; Debian's chromium),
// then: typecheck → lint → build (rollup, .d.ts, manifest) → web-test-runner with coverage (≥ 85 % of lines) →
// Storybook build → every story rendered in Chromium with axe → end-to-end tests. Prints one closing line,
// "N passed, N failed, N skipped", for the whole run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureAll } from './ensure.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const started = Date.now();

function finish(code, why) {
  if (why) console.error(`\nnpm test: ${why}`);
  console.log(`\nehr-guide suite finished in ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

function step(title, cmd, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

const node = process.execPath;
const bin = (name) => join('node_modules', '.bin', name);

try {
  ensureAll();
} catch (error) {
  console.error(error.message);
  finish(1, 'setup failed');
}

if (step('message catalogues compiled and complete (scripts/compile-messages.mjs --check)', node, ['scripts/compile-messages.mjs', '--check']) !== 0) finish(1, 'the message catalogues are out of date or incomplete');
if (step('typecheck (tsc)', node, [join('node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'tsconfig.json']) !== 0) finish(1, 'typecheck failed');
if (step('lint (eslint with lit and wc plugins)', node, [bin('eslint'), '.']) !== 0) finish(1, 'lint failed');
if (step('build (rollup, .d.ts, custom-elements.json)', node, ['scripts/build.mjs']) !== 0) finish(1, 'build failed');
if (step('README theming tables current (scripts/gen-api-tables.mjs --check)', node, ['scripts/gen-api-tables.mjs', '--check']) !== 0) finish(1, 'README theming tables are out of date');

// Unit and component tests with coverage.
const wtrResults = join('node_modules', '.cache', 'ehr-guide', 'wtr-results.json');
rmSync(wtrResults, { force: true });
const wtrStatus = step('unit and component tests (web-test-runner, headless Chromium, coverage)', node, [bin('web-test-runner'), '--coverage']);
if (existsSync(wtrResults)) {
  const counts = JSON.parse(readFileSync(wtrResults, 'utf8'));
  totals.passed += counts.passed;
  totals.failed += counts.failed + counts.sessionErrors;
  totals.skipped += counts.skipped;
}
if (wtrStatus !== 0) finish(1, 'web-test-runner failed (failing tests, or coverage under the threshold)');

// Storybook: build it, then render every story in Chromium with axe and a console-error check.
const sbEnv = { STORYBOOK_DISABLE_TELEMETRY: '1' };
if (step('Storybook build', node, [bin('storybook'), 'build', '-o', 'storybook-static', '--quiet'], sbEnv) !== 0) finish(1, 'storybook build failed');
const storyResults = join('node_modules', '.cache', 'ehr-guide', 'story-results.json');
rmSync(storyResults, { force: true });
const storyStatus = step('stories in Chromium (addon-vitest, axe on every story)', node, [bin('vitest'), 'run', '--project=storybook', '--reporter=default', '--reporter=json', `--outputFile.json=${storyResults}`], sbEnv);
if (existsSync(storyResults)) {
  const json = JSON.parse(readFileSync(storyResults, 'utf8'));
  totals.passed += json.numPassedTests ?? 0;
  totals.failed += json.numFailedTests ?? 0;
  totals.skipped += (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
}
if (storyStatus !== 0) finish(1, 'story tests failed');

// Node-side tests (the CLI) and end-to-end tests (the demo page in Chromium through playwright-core), with
// node's own test runner.
{
  const e2eResults = join('node_modules', '.cache', 'ehr-guide', 'e2e-results.txt');
  const status = step('CLI and end-to-end tests (node:test; playwright-core driving headless Chromium)', node, ['--test', '--test-reporter=spec', '--test-reporter=tap', `--test-reporter-destination=stdout`, `--test-reporter-destination=${e2eResults}`, 'test/node/', 'test/e2e/']);
  if (existsSync(e2eResults)) {
    const tap = readFileSync(e2eResults, 'utf8');
    const count = (key) => Number(new RegExp(`^# ${key} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
    totals.passed += count('pass');
    totals.failed += count('fail') + count('cancelled');
    totals.skipped += count('skipped') + count('todo');
  }
  if (status !== 0) finish(1, 'end-to-end tests failed');
}

finish(0);
