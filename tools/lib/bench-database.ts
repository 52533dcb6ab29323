import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A database of its own for one bench run, on TEST_DATABASE_SERVER_URL's server (created by `cli.js migrate`). */
export function benchDatabaseUrl(prefix: string): string {
  const url = new URL(
    process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  );
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

/** The latest cycle, as the reminder benchmarks use it. */
export interface BenchCycle {
  id: string;
  code: string;
  /** YYYY-MM-DD */
  deadline: string;
}

/**
 * Makes every provider due a reminder in the latest cycle: no publication this cycle, nobody archived or
 * unsubscribed. Answers that cycle.
 */
export async function makeEveryoneDue(db: pg.Client): Promise<BenchCycle> {
  const [cycle] = (
    await db.query<BenchCycle>(
      `SELECT id, code, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM assessment_cycles ORDER BY deadline DESC LIMIT 1`,
    )
  ).rows;
  await db.query(`DELETE FROM publications WHERE cycle_id = $1`, [cycle.id]);
  await db.query(`UPDATE providers SET archived_at = NULL WHERE archived_at IS NOT NULL`);
  await db.query(`DELETE FROM email_suppressions`);
  return cycle;
}
