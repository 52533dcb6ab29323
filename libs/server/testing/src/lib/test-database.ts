import { dataSourceOptions, ensureAppLogin, ensureDatabaseExists } from '@dspt/server/data';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { testAppLoginUrl } from './integration-env';

/** The server tests create their databases on; CI and local runs use the machine's PostgreSQL. */
export function testServerUrl(): string {
  return process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
}

/** A brand-new, empty database with a unique name, e.g. for a migration round trip. */
export async function createEmptyTestDatabase(label = 'test'): Promise<string> {
  const url = new URL(testServerUrl());
  url.pathname = `/dspt_${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await ensureDatabaseExists(url.toString());
  return url.toString();
}

/**
 * Runs every migration against `url` (the owner's connection), then makes the app's login as `cli.js
 * migrate` does: `appUrl` (by default the test login on the same database) is what the app connects with.
 */
export async function migrateTestDatabase(url: string, appUrl = testAppLoginUrl(url)): Promise<void> {
  await withMigrationLock(async () => {
    const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
    await dataSource.initialize();
    try {
      await dataSource.runMigrations();
    } finally {
      await dataSource.destroy();
    }
  });
  await ensureAppLogin(url, appUrl);
}

const MIGRATION_LOCK = join(tmpdir(), 'dspt-test-migrations.lock');
/** Longer than any migration run takes: a lock this old was left by a killed process. */
const STALE_LOCK_MS = 120_000;

/**
 * Runs `work` (migrations) while no other test process on this machine runs any. Integration files run in
 * parallel, each Jest worker on a database of its own, but roles are shared by the whole PostgreSQL server:
 * two first migrations at once would both try to create them. A directory is the lock: making one is atomic.
 */
export async function withMigrationLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(MIGRATION_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
      if (Date.now() - lockMadeAt(MIGRATION_LOCK) > STALE_LOCK_MS) {
        rmSync(MIGRATION_LOCK, { recursive: true, force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(MIGRATION_LOCK, { recursive: true, force: true });
  }
}

function lockMadeAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}
