import { dataSourceOptions, ensureDatabaseExists } from '@dspt/server/database';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

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

/** Runs every migration against `url`. */
export async function migrateTestDatabase(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
