import { Client } from 'pg';

/** Drops the run's databases (one per worker, see integration-setup.ts) unless KEEP_TEST_DATABASE is set. */
export default async function teardown(): Promise<void> {
  const url = process.env['DSPT_TEST_DATABASE_URL'];
  if (!url || process.env['KEEP_TEST_DATABASE']) {
    return;
  }
  const name = new URL(url).pathname.slice(1);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
    `${name}\\_w%`,
  ]);
  for (const { datname } of rows) {
    await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
  await client.end();
}
