export interface Tally {
  passed: number;
  failed: number;
}

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numRuntimeErrorTestSuites: number;
}

/** Tests passed and failed in a Jest --json report; a suite that failed to run counts as one failure. */
export function countJestResults(report: JestJson): Tally {
  return { passed: report.numPassedTests, failed: report.numFailedTests + report.numRuntimeErrorTestSuites };
}

interface PlaywrightJson {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
}

/** Playwright's JSON reporter: flaky tests count as failures (tests must be deterministic). */
export function countPlaywrightResults(report: PlaywrightJson): Tally {
  const { expected, unexpected, flaky } = report.stats;
  return { passed: expected, failed: unexpected + flaky + (report.errors?.length ?? 0) };
}

/** The "project:target" lines Nx lists under "Failed tasks:". */
export function failedNxTasks(output: string): string[] {
  const section = output.split(/Failed tasks:/)[1] ?? '';
  return [...section.matchAll(/^\s*-\s+(\S+:\S+)/gm)].map((match) => match[1]);
}
