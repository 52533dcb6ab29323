/**
 * `npm test`: every check the project has, in order, ending with one line "N passed, N failed".
 *   1. lint and type-check every project (each project's lint and typecheck counts as one check)
 *   2. Jest unit tests
 *   3. build api, worker and web (one check)
 *   4. Jest integration tests (real PostgreSQL, Redis, worker processes, SMTP)
 *   5. Playwright e2e tests in Chromium against the built portal
 * A stage that fails does not stop the others, except that a failed build skips stages 4 and 5.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { countJestResults, countPlaywrightResults, failedNxTasks, type Tally } from './lib/test-results.ts';

const root = process.cwd();
const results = join(root, 'test-results');
const nx = join(root, 'node_modules', '.bin', 'nx');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const playwright = join(root, 'node_modules', '.bin', 'playwright');
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', FORCE_COLOR: '0', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const tally: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];

function banner(title: string): void {
  console.log(`\n=== ${title} ===`);
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  process.stdout.write(output);
  return { ok: result.status === 0, output };
}

function add(stage: string, counts: Tally): void {
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  if (counts.failed > 0) {
    failures.push(`${stage}: ${counts.failed} failed`);
  }
}

function projectsWith(target: string): string[] {
  const result = spawnSync(nx, ['show', 'projects', '--with-target', target, '--json'], { cwd: root, env, encoding: 'utf8' });
  return JSON.parse(result.stdout) as string[];
}

function staticChecks(): void {
  banner('Lint and type-check');
  const tasks = ['lint', 'typecheck'].flatMap((target) => projectsWith(target).map((project) => `${project}:${target}`));
  const { ok, output } = run(nx, ['run-many', '-t', 'lint,typecheck', '--output-style=static']);
  const failed = ok ? [] : failedNxTasks(output);
  add('lint/type-check', { passed: tasks.length - failed.length, failed: ok ? 0 : Math.max(failed.length, 1) });
}

/**
 * Server code runs with --experimental-vm-modules so Jest can require() NestJS 12's ESM-only packages;
 * the Angular tests run without it, as jest-preset-angular compiles Angular's .mjs files itself.
 */
function jestStage(title: string, args: string[], outputFile: string, nodeFlags: string[] = ['--experimental-vm-modules']): void {
  banner(title);
  rmSync(outputFile, { force: true });
  const { ok } = run(process.execPath, [...nodeFlags, '--no-warnings', jest, ...args, '--json', `--outputFile=${outputFile}`]);
  const counts = existsSync(outputFile) ? countJestResults(JSON.parse(readFileSync(outputFile, 'utf8'))) : { passed: 0, failed: 0 };
  add(title, !ok && counts.failed === 0 ? { ...counts, failed: 1 } : counts);
}

function buildStage(): boolean {
  banner('Build');
  const { ok } = run(nx, ['run-many', '-t', 'build', '--projects=api,worker,web', '--output-style=static']);
  add('build', ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  return ok;
}

function e2eStage(): void {
  banner('End-to-end (Playwright, Chromium)');
  const report = join(results, 'e2e', 'results.json');
  rmSync(report, { force: true });
  const { ok } = run(playwright, ['test', '-c', 'e2e/playwright.config.ts']);
  const counts = existsSync(report) ? countPlaywrightResults(JSON.parse(readFileSync(report, 'utf8'))) : { passed: 0, failed: 0 };
  add('e2e', !ok && counts.failed === 0 ? { ...counts, failed: 1 } : counts);
}

mkdirSync(results, { recursive: true });
staticChecks();
jestStage('Unit tests (server, domain, tools)', ['-c', 'jest.unit.config.ts', '--selectProjects', 'unit'], join(results, 'unit.json'));
jestStage('Unit tests (web)', ['-c', 'jest.unit.config.ts', '--selectProjects', 'web'], join(results, 'web.json'), []);
if (buildStage()) {
  jestStage('Integration tests', ['-c', 'jest.integration.config.ts'], join(results, 'integration.json'));
  e2eStage();
} else {
  add('integration and e2e (skipped: build failed)', { passed: 0, failed: 2 });
}

console.log('');
for (const failure of failures) {
  console.log(`FAILED ${failure}`);
}
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
