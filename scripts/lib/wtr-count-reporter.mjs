// A web-test-runner reporter that counts tests across all sessions and writes the totals to a file, so the test
// command can print one closing "N passed, N failed, N skipped" line for the whole suite.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function walk(suite, totals) {
  if (!suite) return;
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) walk(child, totals);
}

export function countReporter({ file }) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      for (const session of sessions) {
        walk(session.testResults, totals);
        // A test file that failed to load (syntax error, 404) has no tests but must fail the run.
        if (session.errors?.length && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.sessionErrors++;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
