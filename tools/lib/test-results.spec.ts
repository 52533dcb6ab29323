import { countJestResults, countPlaywrightResults, failedNxTasks } from './test-results.ts';

describe('test result counting', () => {
  it('counts Jest tests and suites that could not run', () => {
    expect(countJestResults({ numPassedTests: 12, numFailedTests: 1, numRuntimeErrorTestSuites: 2 })).toEqual({
      passed: 12,
      failed: 3,
    });
  });

  it('counts flaky Playwright tests and global errors as failures', () => {
    expect(
      countPlaywrightResults({ stats: { expected: 4, unexpected: 1, flaky: 1, skipped: 0 }, errors: [{}] }),
    ).toEqual({
      passed: 4,
      failed: 3,
    });
  });

  it('reads the failed tasks Nx lists', () => {
    const output =
      ' NX   Running targets lint, typecheck for 17 projects failed\n\nFailed tasks:\n\n- api:lint\n- web:typecheck\n';
    expect(failedNxTasks(output)).toEqual(['api:lint', 'web:typecheck']);
    expect(failedNxTasks('all good')).toEqual([]);
  });
});
