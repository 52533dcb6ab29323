import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/** One fresh database per integration run, on the machine's PostgreSQL; dropped again in teardown. */
export default async function setup(): Promise<void> {
  const server = new URL(process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres');
  const name = `dspt_it_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  server.pathname = `/${name}`;
  process.env['DSPT_TEST_DATABASE_URL'] = server.toString();
}
