import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own for one bench run, on TEST_DATABASE_SERVER_URL's server (created by `cli.js migrate`). */
export function benchDatabaseUrl(prefix: string): string {
  const url = new URL(process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return url.toString();
}

/** Drops the bench's database, unless KEEP_TEST_DATABASE is set (to look at it afterwards). */
export async function dropBenchDatabase(url: string): Promise<void> {
  if (process.env['KEEP_TEST_DATABASE']) {
    return;
  }
  const server = new URL(url);
  const name = server.pathname.slice(1);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
