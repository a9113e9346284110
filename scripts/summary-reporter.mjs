// Counts the tests of a run and writes them to JUZI_SUMMARY_FILE, for scripts/test.mjs
// to print `N passed, N failed` as the very last line once the runner has exited
// (web-test-runner shows its counts only inside the progress bar, and CI reads that line).
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite.suites ?? []) count(child, totals);
}

export function summaryReporter() {
  let sessions = [];
  return {
    onTestRunFinished(args) {
      sessions = args.sessions;
    },
    async stop() {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      const engines = new Set();
      for (const session of sessions) {
        engines.add(session.browser.name);
        if (session.testResults) count(session.testResults, totals);
        // A file that failed to load or threw outside a test counts as one failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1;
      }
      if (process.env.JUZI_SUMMARY_FILE) {
        writeFileSync(process.env.JUZI_SUMMARY_FILE, JSON.stringify({ ...totals, engines: [...engines] }));
      }
    },
  };
}
