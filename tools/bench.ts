/**
 * `npm run bench`: the caseload endpoint's latency on a national-scale data set, beside the raw SQL it
 * needs. Builds the api, creates a fresh database, seeds `--providers` (default 30,000) providers over the
 * 28 demo LSPs, starts the built api in production mode, signs in as one LSP's adviser and drives
 * `GET /api/tenants/{slug}/providers?sort=priority` with 50 concurrent connections (autocannon). Prints
 * the figures for people and ends with one JSON line (`providers`, `caseloadP50Ms`, `caseloadP95Ms`,
 * `caseloadSqlMs`, ...). The database is dropped afterwards unless KEEP_TEST_DATABASE is set.
 */
import pg from 'pg';
import { benchStats } from './lib/bench-stats.ts';
import { loadTest, median, percentile, signIn } from './lib/bench-http.ts';
import {
  type BenchApi,
  benchOption,
  prepareBenchDatabase,
  reportBench,
  runBench,
  startBenchApi,
} from './lib/bench-harness.ts';

const providers = Number(benchOption('providers', '30000'));
const seconds = Number(benchOption('seconds', '10'));
const connections = Number(benchOption('connections', '50'));
const port = Number(process.env['BENCH_PORT'] ?? 3190);
/** `--profile DIR`: the api writes a V8 CPU profile there when it stops. */
const profileDir = benchOption('profile', '');

/**
 * The statement the caseload endpoint runs for its page once the triage is up to date (see
 * libs/server/caseload/src/providers caseload-page.ts): the LSP's count and first page by priority, from
 * provider_triage. The lower bound for the endpoint, which also checks the session and the user's
 * membership, sets the tenant for row-level security and serialises the page.
 */
const CASELOAD_SQL = `
  SELECT page.*, total.n AS total
  FROM (SELECT count(*)::int AS n FROM provider_triage t WHERE t.tenant_id = $1 AND t.cycle_id = $2 AND t.archived_at IS NULL) total
  LEFT JOIN LATERAL (
    SELECT t.provider_id, t.name, t.ods_code, t.kind, t.service_type, t.region, t.last_contact_at, t.archived_at, t.assigned_adviser_id,
           (SELECT u.display_name FROM users u WHERE u.id = t.assigned_adviser_id) AS adviser_name,
           t.status, t.mandatory_completed, t.mandatory_total, t.priority_score, t.priority_reasons, t.overdue_tasks
    FROM provider_triage t WHERE t.tenant_id = $1 AND t.cycle_id = $2 AND t.archived_at IS NULL
    ORDER BY t.priority_score DESC, t.mandatory_left DESC, t.name COLLATE natural_en, t.ods_code, t.provider_id
    LIMIT 25) page ON true`;

async function rawSqlMs(url: string, slug: string, cycleCode: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ tenant_id: tenantId }] = (
      await client.query(`SELECT id AS tenant_id FROM tenants WHERE slug = $1`, [slug])
    ).rows;
    const [{ id: cycleId }] = (await client.query(`SELECT id FROM assessment_cycles WHERE code = $1`, [cycleCode]))
      .rows;
    const timings: number[] = [];
    for (let run = 0; run < 200; run++) {
      const started = performance.now();
      await client.query(CASELOAD_SQL, [tenantId, cycleId]);
      timings.push(performance.now() - started);
    }
    return median(timings);
  } finally {
    await client.end();
  }
}

/** Providers in the database: `--providers` when it was seeded here, whatever it holds when reused. */
async function nationalProviders(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(`SELECT count(*)::int AS n FROM providers`)).rows[0].n as number;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const database = await prepareBenchDatabase('dspt_bench', providers);
  const url = database.url;
  let api: BenchApi | undefined;
  try {
    // One process: the per-process cost is what this bench follows (bench:load runs the cluster).
    const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    api = await startBenchApi(database, port, { API_PROCESSES: '1' }, profile);
    const baseUrl = api.baseUrl;
    const slug = 'tyne-and-wear-care-alliance';
    const cookie = await signIn(baseUrl, `adviser@${slug}.demo.test`);
    const path = `/api/tenants/${slug}/providers?sort=priority&page=1&pageSize=25`;
    const check = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
    if (check.status !== 200) {
      throw new Error(`GET ${path} answered ${check.status}: ${(await check.text()).slice(0, 300)}`);
    }
    const { total: tenantProviders, cycle } = (await check.json()) as { total: number; cycle: string };
    const load = await loadTest(`${baseUrl}${path}`, cookie, connections, seconds, api.cpuMs);
    // As a browser asks: brotli, made once per kept page (reusableAnswer), which a client without Accept-Encoding skips.
    const compressed = await loadTest(`${baseUrl}${path}`, cookie, connections, seconds, api.cpuMs, {
      'accept-encoding': 'gzip, deflate, br',
    });
    // Pages the api has not answered before (each page size a new one), one at a time: the database path.
    const uncached: number[] = [];
    for (let size = 26; size < 56; size++) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}${path.replace('pageSize=25', `pageSize=${size}`)}`, {
        headers: { cookie },
      });
      await response.arrayBuffer();
      uncached.push(performance.now() - started);
    }
    const sqlMs = await rawSqlMs(url, slug, cycle);
    const national = await nationalProviders(url);
    const figures = {
      providers: national,
      lspProviders: tenantProviders,
      connections,
      requests: load.requests,
      requestsPerSecond: load.requestsPerSecond,
      caseloadP50Ms: load.p50Ms,
      caseloadP95Ms: load.p95Ms,
      caseloadCpuMsPerRequest: load.cpuMsPerRequest,
      caseloadErrors: load.errors + compressed.errors,
      caseloadCompressedP95Ms: compressed.p95Ms,
      caseloadCompressedRequestsPerSecond: compressed.requestsPerSecond,
      caseloadCompressedCpuMsPerRequest: compressed.cpuMsPerRequest,
      caseloadSqlMs: Math.round(sqlMs * 100) / 100,
      caseloadUncachedMs: percentile(uncached, 50),
    };
    console.log(
      `Caseload endpoint, ${connections} connections for ${seconds} s, ${tenantProviders} providers in the LSP (${national} nationally):`,
    );
    console.log(
      `  p50 ${figures.caseloadP50Ms} ms, p95 ${figures.caseloadP95Ms} ms, ${figures.requestsPerSecond} requests/s`,
    );
    console.log(`  api CPU per request: ${figures.caseloadCpuMsPerRequest} ms (user + system)`);
    console.log(
      `  asked as a browser asks (Accept-Encoding: br): p95 ${compressed.p95Ms} ms, ${compressed.requestsPerSecond} requests/s, api CPU ${compressed.cpuMsPerRequest} ms per request`,
    );
    console.log(`  the same page by its raw SQL statement: ${figures.caseloadSqlMs} ms (median of 200)`);
    console.log(
      `  a page not answered before (read from the database), one request at a time: ${figures.caseloadUncachedMs} ms (median of 30)`,
    );
    // The programme lead's statistics (tools/lib/bench-stats.ts): statsP95Ms, statsSqlMs, ...
    const lead = await signIn(baseUrl, 'lead@demo.test');
    const stats = await benchStats({ baseUrl, cookie: lead, databaseUrl: url, connections, seconds });
    reportBench([], { ...figures, ...stats });
  } finally {
    await api?.stop();
    await database.drop();
  }
}

void runBench(main);
