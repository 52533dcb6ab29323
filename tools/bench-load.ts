/**
 * `npm run bench:load`: a working day, all at once. On the national-scale caseload (`--providers`, default
 * 30,000 over the 28 demo LSPs), `--users` people (default 200) work at the same moment for `--seconds`
 * (default 60): advisers of 10 LSPs, each pausing 200–1000 ms between steps, open caseload pages with varied
 * filters, provider pages (one request for all their parts, as the web app makes it), add case notes, add and complete tasks, update
 * question progress and look at My tasks; one in fifty is a programme lead reading the statistics. The built
 * api runs in production mode with its default processes (one per core; `--processes N` sets API_PROCESSES).
 * Health is asked every second throughout. Ends with one JSON line: p50/p95/p99 per kind of request, errors by
 * status, throughput, the api's CPU time per request and its memory (start, peak, end).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { percentile, signIn } from './lib/bench-http.ts';
import {
  type BenchApi,
  benchOption,
  prepareBenchDatabase,
  reportBench,
  runBench,
  startBenchApi,
  startBenchWorker,
} from './lib/bench-harness.ts';
import { stopChild } from './lib/local-services.ts';

const providers = Number(benchOption('providers', '30000'));
const users = Number(benchOption('users', '200'));
const seconds = Number(benchOption('seconds', '60'));
const processes = benchOption('processes', '');
/** `--profile DIR`: each api process writes a V8 CPU profile there when it stops. */
const profileDir = benchOption('profile', '');
const port = Number(process.env['BENCH_PORT'] ?? 3200);
const LSPS = 10;
const P95_TARGET_MS = 200;

const STATUSES = ['not_started', 'in_progress', 'ready_to_publish', 'standards_met'];
const REGIONS = ['North East', 'North West', 'London', 'South West'];
const SORTS = ['priority', 'name', 'progress', 'lastContact'];
const SEARCHES = ['care', 'house', 'lodge', 'home', 'st'];
const GROUPINGS = ['region', 'tenant', 'serviceType', 'sizeBand', 'localAuthority'];
const QUESTION_STATUSES = ['not_started', 'in_progress', 'completed'];

const slugs = (
  JSON.parse(readFileSync('libs/server/data/src/database/seed/demo-tenants.json', 'utf8')) as Array<{
    slug: string;
  }>
)
  .map((tenant) => tenant.slug)
  .slice(0, LSPS);

const agent = new Agent({ keepAlive: true, maxSockets: users * 2 });
const latencies = new Map<string, number[]>();
const errors = new Map<string, number>();
let requests = 0;
let running = true;

interface Answer {
  status: number;
  body: unknown;
}

/**
 * One request as a browser's would be (session and XSRF cookies, JSON, compression), timed under `kind`. The
 * answer is read only when `read` (the bench needs an id from it); the others are only counted.
 */
function call(
  baseUrl: string,
  kind: string,
  cookie: string,
  method: string,
  path: string,
  body?: object,
  read = false,
): Promise<Answer> {
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(cookie)?.[1] ?? '';
  const payload = body ? JSON.stringify(body) : undefined;
  const started = performance.now();
  return new Promise((resolve) => {
    const done = (status: number, text: string) => {
      requests++;
      const ms = performance.now() - started;
      if (!latencies.has(kind)) {
        latencies.set(kind, []);
      }
      latencies.get(kind)?.push(ms);
      if (status < 200 || status >= 300) {
        const key = `${status || 'network'}`;
        errors.set(key, (errors.get(key) ?? 0) + 1);
        if ((errors.get(key) ?? 0) <= 3) {
          console.error(`  ${kind}: ${method} ${path} answered ${status}: ${text.slice(0, 200)}`);
        }
      }
      let parsed: unknown = null;
      try {
        parsed = read && text ? JSON.parse(text) : null;
      } catch {
        // Not JSON (an error page): only the status matters then.
      }
      resolve({ status, body: parsed });
    };
    const outgoing = request(
      `${baseUrl}${path}`,
      {
        method,
        agent,
        headers: {
          cookie,
          accept: 'application/json',
          'accept-encoding': 'gzip, br',
          ...(payload ? { 'content-type': 'application/json', 'x-xsrf-token': xsrf } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          if (!read && status < 300) {
            return done(status, '');
          }
          const raw = Buffer.concat(chunks);
          const encoding = response.headers['content-encoding'];
          const plain = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
          done(status, plain.toString('utf8'));
        });
      },
    );
    outgoing.on('error', (error) => done(0, error.message));
    outgoing.end(payload);
  });
}

const pick = <T>(values: readonly T[]): T => values[Math.floor(Math.random() * values.length)];
const pause = () => new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 800));
const today = () => new Date().toISOString().slice(0, 10);

interface Row {
  id: string;
}

/** One adviser's day: the steps below in proportion, with a think time between each. */
async function adviser(baseUrl: string, slug: string, cookie: string, lead: string): Promise<void> {
  const lsp = `/api/tenants/${slug}`;
  const first = await call(
    baseUrl,
    'caseload',
    cookie,
    'GET',
    `${lsp}/providers?sort=priority&pageSize=50`,
    undefined,
    true,
  );
  const rows = ((first.body as { items?: Row[] } | null)?.items ?? []).map((row) => row.id);
  const openTasks: string[] = [];
  while (running) {
    await pause();
    if (!running || rows.length === 0) {
      break;
    }
    const provider = `${lsp}/providers/${pick(rows)}`;
    const step = Math.random();
    if (step < 0.02) {
      await call(baseUrl, 'statistics', lead, 'GET', `/api/stats/completion?groupBy=${pick(GROUPINGS)}`);
    } else if (step < 0.35) {
      const filters = new URLSearchParams({ sort: pick(SORTS), page: String(1 + Math.floor(Math.random() * 4)) });
      const filter = Math.random();
      if (filter < 0.25) {
        filters.set('status', pick(STATUSES));
      } else if (filter < 0.4) {
        filters.set('region', pick(REGIONS));
      } else if (filter < 0.55) {
        filters.set('search', pick(SEARCHES));
      } else if (filter < 0.65) {
        filters.set('view', 'at-risk');
      }
      await call(baseUrl, 'caseload', cookie, 'GET', `${lsp}/providers?${filters}`);
    } else if (step < 0.6) {
      // The provider page: one request for all its parts, as the web app sends it.
      await call(baseUrl, 'providerPage', cookie, 'GET', `${provider}/page`);
    } else if (step < 0.7) {
      await call(baseUrl, 'caseNote', cookie, 'POST', `${provider}/notes`, {
        kind: pick(['call', 'email', 'meeting', 'note']),
        body: 'Talked through the evidence items still open; follow up next week.',
      });
    } else if (step < 0.78) {
      if (openTasks.length > 0 && Math.random() < 0.5) {
        await call(baseUrl, 'taskUpdate', cookie, 'PATCH', `${lsp}/tasks/${openTasks.shift()}`, { done: true });
      } else {
        const created = await call(
          baseUrl,
          'taskCreate',
          cookie,
          'POST',
          `${provider}/tasks`,
          {
            title: 'Check the backup policy is uploaded',
            dueOn: today(),
          },
          true,
        );
        const id = (created.body as { id?: string } | null)?.id;
        if (id) {
          openTasks.push(id);
        }
      }
    } else if (step < 0.88) {
      const assessment = await call(
        baseUrl,
        'provider:assessment',
        cookie,
        'GET',
        `${provider}/assessment`,
        undefined,
        true,
      );
      const questions = (assessment.body as { questions?: Array<{ code: string }> } | null)?.questions ?? [];
      if (questions.length > 0) {
        await call(
          baseUrl,
          'questionUpdate',
          cookie,
          'PUT',
          `${provider}/assessment/questions/${encodeURIComponent(pick(questions).code)}`,
          { status: pick(QUESTION_STATUSES) },
        );
      }
    } else {
      await call(baseUrl, 'myTasks', cookie, 'GET', `${lsp}/tasks`);
    }
  }
}

/** A programme lead: the statistics by each grouping, now and then. */
async function programmeLead(baseUrl: string, cookie: string): Promise<void> {
  while (running) {
    await pause();
    await call(baseUrl, 'statistics', cookie, 'GET', `/api/stats/completion?groupBy=${pick(GROUPINGS)}`);
  }
}

async function watchHealth(baseUrl: string, failures: { count: number }): Promise<void> {
  while (running) {
    const status = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status !== 200) {
      failures.count++;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

async function main(): Promise<void> {
  const database = await prepareBenchDatabase('dspt_bench_load', providers);
  let api: BenchApi | undefined;
  let worker: ChildProcess | undefined;
  try {
    const redisPrefix = `dspt-bench-load-${randomBytes(3).toString('hex')}`;
    worker = await startBenchWorker(database, redisPrefix);
    api = await startBenchApi(
      database,
      port,
      { REDIS_PREFIX: redisPrefix, ...(processes ? { API_PROCESSES: processes } : {}) },
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    );
    const baseUrl = api.baseUrl;
    const cookies = await Promise.all(slugs.map((slug) => signIn(baseUrl, `adviser@${slug}.demo.test`)));
    const lead = await signIn(baseUrl, 'lead@demo.test');
    const rssStart = api.rssMb();
    let rssPeak = rssStart;
    const memory = setInterval(() => (rssPeak = Math.max(rssPeak, api?.rssMb() ?? 0)), 1_000);
    const health = { count: 0 };
    const cpuBefore = api.cpuMs();
    const started = performance.now();
    const people: Array<Promise<void>> = [watchHealth(baseUrl, health)];
    const leads = Math.max(1, Math.round(users / 50));
    for (let person = 0; person < users; person++) {
      const slugIndex = person % slugs.length;
      people.push(
        person < leads ? programmeLead(baseUrl, lead) : adviser(baseUrl, slugs[slugIndex], cookies[slugIndex], lead),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    running = false;
    await Promise.all(people);
    const elapsed = (performance.now() - started) / 1000;
    const cpuMsPerRequest = (api.cpuMs() - cpuBefore) / requests;
    clearInterval(memory);
    const rssEnd = api.rssMb();

    const kinds = Object.fromEntries(
      [...latencies.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([kind, times]) => [
          kind,
          { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99) },
        ]),
    );
    const worstP95 = Math.max(...Object.values(kinds).map((figures) => figures.p95));
    const errorCount = [...errors.values()].reduce((sum, count) => sum + count, 0);
    const lines = [
      `A working day: ${users} people (${leads} programme leads, advisers of ${slugs.length} LSPs)` +
        ` for ${elapsed.toFixed(0)} s, ${providers} providers, api processes: ${processes || 'one per core'}`,
      ...Object.entries(kinds).map(
        ([kind, f]) =>
          `  ${kind.padEnd(22)} n ${String(f.n).padStart(6)}  p50 ${f.p50} ms  p95 ${f.p95} ms  p99 ${f.p99} ms`,
      ),
      `  ${Math.round(requests / elapsed)} requests/s, ${errorCount} errors, health not green ${health.count} times`,
      `  api CPU per request ${cpuMsPerRequest.toFixed(2)} ms;` +
        ` memory ${rssStart} MB at start, ${rssPeak} MB at peak, ${rssEnd} MB at the end`,
      `  target (p95 under ${P95_TARGET_MS} ms for every kind, no errors):` +
        ` ${worstP95 < P95_TARGET_MS && errorCount === 0 ? 'met' : 'NOT met'}`,
    ];
    reportBench(lines, {
      users,
      seconds: Math.round(elapsed),
      providers,
      apiProcesses: processes ? Number(processes) : 'cores',
      requests,
      requestsPerSecond: Math.round(requests / elapsed),
      errors: Object.fromEntries(errors),
      healthFailures: health.count,
      cpuMsPerRequest: Math.round(cpuMsPerRequest * 100) / 100,
      rssStartMb: rssStart,
      rssPeakMb: rssPeak,
      rssEndMb: rssEnd,
      worstP95Ms: worstP95,
      kinds,
    });
  } finally {
    running = false;
    agent.destroy();
    await api?.stop();
    if (worker) {
      await stopChild(worker);
    }
    await database.drop();
  }
}

void runBench(main);
