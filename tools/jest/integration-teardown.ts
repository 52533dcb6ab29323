import { Client } from 'pg';

export default async function teardown(): Promise<void> {
  const url = process.env['DSPT_TEST_DATABASE_URL'];
  if (!url || process.env['KEEP_TEST_DATABASE']) {
    return;
  }
  const database = new URL(url).pathname.slice(1);
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
}
