import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/**
 * Fresh databases for an integration run on the machine's PostgreSQL, one per Jest worker (`<name>_w1`,
 * `<name>_w2`, ...; see integrationDatabaseUrl): files run in parallel, and each worker's files share its
 * database one after another, as they all shared one when they ran in a single process. Dropped in teardown.
 */
export default async function setup(globalConfig: { maxWorkers: number }): Promise<void> {
  const server = new URL(
    process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  );
  const name = `dspt_it_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  for (let worker = 1; worker <= Math.max(1, globalConfig.maxWorkers); worker++) {
    await client.query(`CREATE DATABASE ${name}_w${worker}`);
  }
  await client.end();
  server.pathname = `/${name}`;
  process.env['DSPT_TEST_DATABASE_URL'] = server.toString();
}
