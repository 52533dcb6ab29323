import type { DsptListImportResult, DsptListRuns } from '@dspt/contracts';
import { cycleForDate } from '@dspt/domain';
import { londonDate, DSPT_LIST_JOBS, DSPT_LIST_SCHEDULER_ID, QUEUES, redisOptionsFromUrl } from '@dspt/server/platform';
import { ApiClient, builtEntryPoint, type RunningProcess, startNodeProcess } from '@dspt/server/testing';
import { Queue, QueueEvents } from 'bullmq';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CaseloadFixtures, randomSiteCode } from '../testing/caseload-fixtures';
import { dsptListCsv } from '../testing/dspt-list-sheets';
import { useTestApi } from '../testing/use-test-api';

const cycle = cycleForDate(londonDate(new Date()));
const prefix = `${cycle.code.slice(2, 4)}/${cycle.code.slice(5)}`;
const LAST_MODIFIED = new Date(Date.now() - 3_600_000);
LAST_MODIFIED.setUTCMilliseconds(0);

describe('the scheduled fetch of the DSPT status list (a worker against a local HTTP server)', () => {
  let server: Server;
  let body = '';
  let answer = 200;
  const api = useTestApi();
  let worker: RunningProcess | undefined;
  let queue: Queue;
  let events: QueueEvents;
  let url = '';

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(answer, { 'Content-Type': 'text/csv', 'Last-Modified': LAST_MODIFIED.toUTCString() });
      response.end(answer === 200 ? body : 'Service Unavailable');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/organisations.csv`;
    const connection = redisOptionsFromUrl(api.env['REDIS_URL'], 'queue');
    queue = new Queue(QUEUES.dsptList, { connection, prefix: api.env['REDIS_PREFIX'] });
    events = new QueueEvents(QUEUES.dsptList, { connection, prefix: api.env['REDIS_PREFIX'] });
    await events.waitUntilReady();
  });

  afterAll(async () => {
    await worker?.stop();
    await queue?.close();
    await events?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  /** The built worker; given a minute to start, as the machine running the tests may be busy. */
  const startWorker = async (env: Record<string, string>): Promise<RunningProcess> => {
    const started = startNodeProcess(builtEntryPoint('worker'), { ...env, LOG_LEVEL: 'info' });
    await started.waitForOutput(/worker started/, 90_000);
    return started;
  };

  const fetchNow = async (): Promise<DsptListImportResult | { error: string }> => {
    const job = await queue.add(DSPT_LIST_JOBS.fetch, {});
    return job.waitUntilFinished(events, 60_000);
  };

  it('is off without DSPT_LIST_URL, scheduled with it, and imports the served list dated by Last-Modified', async () => {
    worker = await startWorker(api.env);
    expect(await queue.getJobScheduler(DSPT_LIST_SCHEDULER_ID)).toBeUndefined();
    await worker.stop();

    worker = await startWorker({ ...api.env, DSPT_LIST_URL: url, DSPT_LIST_FETCH_CRON: '5 */3 * * *' });
    expect(await queue.getJobScheduler(DSPT_LIST_SCHEDULER_ID)).toEqual(
      expect.objectContaining({
        key: DSPT_LIST_SCHEDULER_ID,
        pattern: '5 */3 * * *',
        tz: 'Europe/London',
        name: DSPT_LIST_JOBS.fetch,
      }),
    );

    const tenant = await api.fixtures.tenant('fetch');
    const caseload = new CaseloadFixtures(api.fixtures.owner);
    const cycleId = (await caseload.ensureCurrentCycle()).id;
    const provider = await caseload.provider(tenant);
    body = dsptListCsv('current', [
      { code: provider.odsCode, status: `${prefix} Standards Met` },
      { code: randomSiteCode(), status: 'Not Published' },
    ]);
    const result = await fetchNow();
    expect(result).toMatchObject({
      rows: 2,
      matched: 1,
      unmatched: 1,
      publicationsRecorded: 1,
      listedAt: LAST_MODIFIED.toISOString(),
    });
    const publications = await api.fixtures.owner.query(
      `SELECT level, source FROM publications WHERE provider_id = $1 AND cycle_id = $2`,
      [provider.id, cycleId],
    );
    expect(publications).toEqual([{ level: 'standards_met', source: 'dspt_list' }]);

    // The same file on the next run changes nothing.
    expect(await fetchNow()).toMatchObject({ alreadyImported: true, publicationsRecorded: 0 });

    // A failing address is recorded as a failed run, for the admin page.
    answer = 503;
    expect(await fetchNow()).toEqual({ error: expect.stringContaining('503') });
    const user = await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true });
    const admin = await new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
    const runs = (await admin.get('/api/dspt-status/imports')).body as DsptListRuns;
    expect(runs.items[0]).toMatchObject({
      source: 'scheduled',
      fileName: 'organisations.csv',
      error: expect.stringContaining('503'),
    });
    expect(runs.items.some((run) => run.source === 'scheduled' && run.publicationsRecorded === 1)).toBe(true);
  }, 300_000);
});
