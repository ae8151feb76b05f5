import type { FullResult, Reporter, Suite } from '@playwright/test/reporter';

/** Ends the run with one plain line, "e2e: N passed, N failed, N skipped", for CI to read. */
export default class ClosingLineReporter implements Reporter {
  private root: Suite | undefined;

  onBegin(_config: unknown, suite: Suite) {
    this.root = suite;
  }

  onEnd(result: FullResult) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'expected' || outcome === 'flaky') passed++;
      else if (outcome === 'skipped') skipped++;
      else failed++;
    }
    // A run that broke outside any test (setup, a crash) must not read as green.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    console.log(`\ne2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }

  printsToStdio() {
    return false;
  }
}
