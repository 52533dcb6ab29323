import { Client } from 'pg';

/** Drops the run's database unless KEEP_TEST_DATABASE is set (to look at it after a failure). */
export default async function globalTeardown(): Promise<void> {
  const url = process.env['DSPT_E2E_DATABASE_URL'];
  if (!url || process.env['KEEP_TEST_DATABASE']) {
    return;
  }
  const maintenance = new URL(url);
  const database = maintenance.pathname.slice(1);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await client.end();
}
