import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * State one e2e run keeps across its tests, on disk so that it outlives a Playwright worker: after a
 * failed test Playwright starts a new worker, and what an in-memory map held (the TOTP steps already
 * used, the sessions signed in) would be lost, turning one failure into a run of refused sign-ins.
 */
const file = join(
  __dirname,
  '..',
  '..',
  'test-results',
  'e2e',
  `run-state-${process.env['DSPT_E2E_RUN_ID'] ?? 'local'}.json`,
);

export function readRunState<T>(key: string): T | undefined {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>)[key];
  } catch {
    return undefined;
  }
}

export function writeRunState<T>(key: string, value: T): void {
  let state: Record<string, unknown> = {};
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No state yet this run.
  }
  state[key] = value;
  mkdirSync(dirname(file), { recursive: true });
  // Written whole then renamed, so a reader never sees half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(state));
  renameSync(`${file}.tmp`, file);
}
