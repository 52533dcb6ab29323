/**
 * `npm test`: every check the project has, ending with one line "N passed, N failed".
 *   1. build api, worker and web (one check); then, side by side:
 *   2. Playwright e2e tests in Chromium against the built portal, for the whole run, and
 *   3. one after the other: lint and type-check every project (each project's lint and typecheck counts as
 *      one check), lint the OpenAPI document (tools/openapi-lint.ts) and check formatting; the Jest unit
 *      tests; the Jest integration tests (real PostgreSQL, Redis, worker processes, SMTP).
 * A stage that fails does not stop the others, except that a failed build skips the e2e and integration tests.
 * The e2e tests start first and run beside everything else because they are the longest stage and spend most
 * of their time waiting (on the browser, queues and timers, one test at a time), so the checks and the other
 * tests fill the machine meanwhile; they use a database, Redis prefix and ports of their own. Each stage's
 * output is printed whole when it ends, so two never interleave. Each stage prints how long it took when it
 * ends, and all of them again, with the total, before the last line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { countJestResults, countPlaywrightResults, failedNxTasks, type Tally } from './lib/test-results.ts';

const root = process.cwd();
const results = join(root, 'test-results');
const nx = join(root, 'node_modules', '.bin', 'nx');
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const playwright = join(root, 'node_modules', '.bin', 'playwright');
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  FORCE_COLOR: '0',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
};
const tally: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
const durations: Array<{ stage: string; seconds: number }> = [];
const started = performance.now();

function minutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}m ${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
}

/** Runs one stage and notes how long it took. */
async function timed<T>(stage: string, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    const seconds = (performance.now() - start) / 1000;
    durations.push({ stage, seconds });
    console.log(`--- ${stage}: ${minutes(seconds)}`);
  }
}

/** Runs a command to its end, then prints its output under the stage's title, all at once. */
function run(title: string, command: string, args: string[]): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('close', (code) => {
      const output = Buffer.concat(chunks).toString('utf8');
      process.stdout.write(`\n=== ${title} ===\n${output}`);
      resolve({ ok: code === 0, output });
    });
  });
}

function add(stage: string, counts: Tally): void {
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  if (counts.failed > 0) {
    failures.push(`${stage}: ${counts.failed} failed`);
  }
}

function projectsWith(target: string): string[] {
  const result = spawnSync(nx, ['show', 'projects', '--with-target', target, '--json'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  return JSON.parse(result.stdout) as string[];
}

async function staticChecks(): Promise<void> {
  const tasks = ['lint', 'typecheck'].flatMap((target) =>
    projectsWith(target).map((project) => `${project}:${target}`),
  );
  const [checked, openApi, formatted] = await Promise.all([
    run('Lint and type-check', nx, ['run-many', '-t', 'lint,typecheck', '--output-style=static']),
    // The OpenAPI document is one check: its answers match the controllers and Redocly finds no problem. It
    // builds the api first, which it finds in Nx's cache from the build stage.
    run('OpenAPI document', process.execPath, [join(root, 'tools', 'openapi-lint.ts')]),
    // Formatting is one check over the whole tree (.prettierignore says what is left out, and why).
    run('Formatting', join(root, 'node_modules', '.bin', 'prettier'), ['--check', '--log-level=warn', '.']),
  ]);
  const failed = checked.ok ? [] : failedNxTasks(checked.output);
  add('lint/type-check', {
    passed: tasks.length - failed.length,
    failed: checked.ok ? 0 : Math.max(failed.length, 1),
  });
  add('OpenAPI document', { passed: openApi.ok ? 1 : 0, failed: openApi.ok ? 0 : 1 });
  add('formatting', { passed: formatted.ok ? 1 : 0, failed: formatted.ok ? 0 : 1 });
}

/**
 * Server code runs with --experimental-vm-modules so Jest can require() NestJS 12's ESM-only packages;
 * the Angular tests run without it, as jest-preset-angular compiles Angular's .mjs files itself.
 */
async function jestStage(
  title: string,
  args: string[],
  outputFile: string,
  nodeFlags: string[] = ['--experimental-vm-modules'],
): Promise<void> {
  rmSync(outputFile, { force: true });
  const { ok } = await run(title, process.execPath, [
    ...nodeFlags,
    '--no-warnings',
    jest,
    ...args,
    '--json',
    `--outputFile=${outputFile}`,
  ]);
  const counts = existsSync(outputFile)
    ? countJestResults(JSON.parse(readFileSync(outputFile, 'utf8')))
    : { passed: 0, failed: 0 };
  add(title, !ok && counts.failed === 0 ? { ...counts, failed: 1 } : counts);
}

async function buildStage(): Promise<boolean> {
  const { ok } = await run('Build', nx, [
    'run-many',
    '-t',
    'build',
    '--projects=api,worker,web',
    '--output-style=static',
  ]);
  add('build', ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });
  return ok;
}

async function e2eStage(): Promise<void> {
  const report = join(results, 'e2e', 'results.json');
  rmSync(report, { force: true });
  const { ok } = await run('End-to-end (Playwright, Chromium)', playwright, ['test', '-c', 'e2e/playwright.config.ts']);
  const counts = existsSync(report)
    ? countPlaywrightResults(JSON.parse(readFileSync(report, 'utf8')))
    : { passed: 0, failed: 0 };
  add('e2e', !ok && counts.failed === 0 ? { ...counts, failed: 1 } : counts);
}

mkdirSync(results, { recursive: true });
const built = await timed('Build', buildStage);
const endToEnd = built ? timed('End-to-end', e2eStage) : Promise.resolve();
await timed('Lint and type-check', staticChecks);
// One Jest worker each on a 2-core machine: side by side they fill it.
await Promise.all([
  timed('Unit tests (server, domain, tools)', () =>
    jestStage(
      'Unit tests (server, domain, tools)',
      ['-c', 'jest.unit.config.ts', '--selectProjects', 'unit'],
      join(results, 'unit.json'),
    ),
  ),
  timed('Unit tests (web)', () =>
    jestStage(
      'Unit tests (web)',
      ['-c', 'jest.unit.config.ts', '--selectProjects', 'web'],
      join(results, 'web.json'),
      [],
    ),
  ),
]);
if (built) {
  await timed('Integration tests', () =>
    jestStage('Integration tests', ['-c', 'jest.integration.config.ts'], join(results, 'integration.json')),
  );
} else {
  add('integration and e2e (skipped: build failed)', { passed: 0, failed: 2 });
}
await endToEnd;

console.log('');
console.log('Stage durations:');
for (const { stage, seconds } of durations) {
  console.log(`  ${stage.padEnd(36)} ${minutes(seconds).padStart(8)}`);
}
console.log(`  ${'Total'.padEnd(36)} ${minutes((performance.now() - started) / 1000).padStart(8)}`);
console.log('');
for (const failure of failures) {
  console.log(`FAILED ${failure}`);
}
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
