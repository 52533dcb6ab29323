import type { CaseloadPage, LspCompletionStatistics } from '@dspt/contracts';
import { JOB_SCHEDULERS, redisOptionsFromUrl } from '@dspt/server/platform';
import {
  ApiClient,
  Fixtures,
  INTEGRATION_MFA_KEY,
  integrationEnv,
  migrateTestDatabase,
  type Replicas,
  type RunningProcess,
  startReplicas,
  startWorkerProcess,
} from '@dspt/server/testing';
import { Queue } from 'bullmq';
import { type ReminderProvider, useReminderTestApi } from '../testing/reminder-test-api';
import { StatisticsFixtures } from '../testing/statistics-fixtures';

/** Each worker's SMTP connections: emails it can have in flight at the relay at once. */
const SMTP_POOL_SIZE_FOR_TESTS = 5;

/**
 * Reads until `done` holds or `withinMs` has passed since `since`; answers the last value and how stale the
 * reader was: from `since` to the start of the first read that showed it (not counting that read's own
 * time, which on a busy machine is not staleness).
 */
async function within<T>(since: number, withinMs: number, read: () => Promise<T>, done: (value: T) => boolean) {
  for (;;) {
    const readAt = Date.now();
    const value = await read();
    if (done(value) || readAt - since > withinMs) {
      return { value, staleMs: readAt - since };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits (up to `timeoutMs`) until `condition` holds, naming what it waited for if it never does. */
async function waitUntil(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Two api replicas and two workers on one PostgreSQL and Redis behind Debian's nginx (docs/operations.md
 * "Running several replicas"): what one replica does, the other knows.
 */
describe('two api replicas and two workers behind nginx', () => {
  const env = integrationEnv();
  let replicas: Replicas;
  let fixtures: Fixtures;

  beforeAll(async () => {
    await migrateTestDatabase(env['DATABASE_OWNER_URL'], env['DATABASE_URL']);
    fixtures = await Fixtures.connect(env['DATABASE_OWNER_URL'], INTEGRATION_MFA_KEY);
    replicas = await startReplicas(env);
  }, 300_000);

  afterAll(async () => {
    await replicas?.stop();
    await fixtures?.close();
  });

  it('spreads requests over both replicas and answers healthy with two workers', async () => {
    const health = await new ApiClient(replicas.nginx.url).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok' });
    expect(JSON.stringify(health.body)).toMatch(/"workers":2/);
  });

  it('keeps a session made on one replica on the other, and signing out on one ends it on both', async () => {
    const tenant = await fixtures.tenant('replica-sessions');
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    const browser = await new ApiClient(replicas.nginx.url).signIn(user.email, user.password, user.totpSecret);
    const [onA, onB] = replicas.apis.map((api) => browser.onServer(api.url));
    for (const client of [onA, onB, browser]) {
      const me = await client.get('/api/auth/me');
      expect([me.status, me.body.user?.email]).toEqual([200, user.email]);
    }

    const token = browser.cookie('dspt_session');
    expect(token).toBeTruthy();
    expect((await onA.post('/api/auth/logout')).status).toBeLessThan(300);
    for (const client of [onA, onB, browser]) {
      expect((await client.get('/api/auth/me')).status).toBe(401);
    }
    // The browser dropped the cookie; a copy of it kept elsewhere is dead on every replica too.
    for (const { url } of [...replicas.apis, replicas.nginx]) {
      const replayed = await fetch(`${url}/api/auth/me`, { headers: { cookie: `dspt_session=${token}` } });
      expect(replayed.status).toBe(401);
    }
  });

  it("shows a change made through replica A in replica B's next caseload and statistics, within a second", async () => {
    const { slug, cycle, providers, adviser } = await lspWithProviders('replica-change');
    const [onA, onB] = replicas.apis.map((api) => adviser.onServer(api.url));
    const caseload = async () => (await onB.get(`/api/tenants/${slug}/providers?cycle=${cycle}`)).body as CaseloadPage;
    const statistics = async () =>
      (await onB.get(`/api/tenants/${slug}/stats/completion?cycle=${cycle}&groupBy=region`))
        .body as LspCompletionStatistics;
    // Replica B has answered both before (and keeps the answers).
    expect((await caseload()).total).toBe(3);
    expect((await caseload()).total).toBe(3);
    expect((await statistics()).total.total).toBe(3);
    expect((await statistics()).total.total).toBe(3);

    expect((await onA.post(`/api/tenants/${slug}/providers/${providers[0]}/archive`)).status).toBe(200);
    const changedAt = Date.now();
    const [page, figures] = await Promise.all([
      within(changedAt, 1_000, caseload, (answer) => answer.total === 2),
      within(changedAt, 1_000, statistics, (answer) => answer.total.total === 2),
    ]);
    expect([page.value.total, figures.value.total.total]).toEqual([2, 2]);
    expect(Math.max(page.staleMs, figures.staleMs)).toBeLessThan(1_000);
  });

  it("applies a role changed through replica A to replica B's next requests, within a second", async () => {
    const tenant = await fixtures.tenant('replica-access');
    const [adminUser, adviserUser] = [
      await fixtures.member(tenant, 'admin', { mfa: true }),
      await fixtures.member(tenant, 'adviser', { mfa: true }),
    ];
    const signIn = (user: typeof adminUser) =>
      new ApiClient(replicas.nginx.url).signIn(user.email, user.password, user.totpSecret);
    const adminOnA = (await signIn(adminUser)).onServer(replicas.apis[0].url);
    const adviserOnB = (await signIn(adviserUser)).onServer(replicas.apis[1].url);
    const usersPage = async () => (await adviserOnB.get(`/api/tenants/${tenant.slug}/users`)).status;
    // Replica B has looked up the adviser's access before (and keeps it).
    expect([await usersPage(), await usersPage()]).toEqual([403, 403]);

    for (const [role, status] of [
      ['admin', 200],
      ['viewer', 403],
    ] as const) {
      expect((await adminOnA.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, { role })).status).toBe(200);
      const changedAt = Date.now();
      const seen = await within(changedAt, 1_000, usersPage, (answer) => answer === status);
      expect(seen.value).toBe(status);
      expect(seen.staleMs).toBeLessThan(1_000);
    }
  });

  it('reconnects a dropped notification connection, serving no stale page meanwhile nor after', async () => {
    const { slug, cycle, providers, adviser, tenantId } = await lspWithProviders('replica-listener');
    const [onB] = replicas.apis.slice(1).map((api) => adviser.onServer(api.url));
    const caseload = async () => (await onB.get(`/api/tenants/${slug}/providers?cycle=${cycle}`)).body as CaseloadPage;
    const statistics = async () =>
      (await onB.get(`/api/tenants/${slug}/stats/completion?cycle=${cycle}&groupBy=region`))
        .body as LspCompletionStatistics;
    expect((await caseload()).total).toBe(3);
    expect((await statistics()).total.total).toBe(3);

    // The adviser's access, looked up and kept by replica B.
    const canAct = async () => (await onB.post(`/api/tenants/${slug}/providers/${providers[2]}/notes`, {})).status;
    expect(await canAct()).toBe(400);

    // Three listeners (caseload, statistics, access) per replica; end them all from the owner's connection.
    const listeners = async () =>
      (
        await fixtures.owner.query(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'dspt-api-%-listener'`,
        )
      ).map((row: { pid: number }) => row.pid) as number[];
    const before = await listeners();
    expect(before).toHaveLength(3 * replicas.apis.length);
    await fixtures.owner.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) pid`, [before]);
    // Changes no replica is told of: committed while nobody listens.
    await fixtures.owner.query(`UPDATE providers SET archived_at = now() WHERE id = $1 AND tenant_id = $2`, [
      providers[0],
      tenantId,
    ]);
    await fixtures.owner.query(`UPDATE memberships SET role = 'viewer' WHERE tenant_id = $1`, [tenantId]);
    expect((await caseload()).total).toBe(2);
    expect((await statistics()).total.total).toBe(2);
    expect(await canAct()).toBe(403);

    await waitUntil(
      async () => (await listeners()).filter((pid) => !before.includes(pid)).length === before.length,
      'every replica to listen again',
    );
    // Listening again: what was worked out before the drop is not reused, and new changes are heard.
    expect((await caseload()).total).toBe(2);
    expect((await statistics()).total.total).toBe(2);
    expect(await canAct()).toBe(403);
    await fixtures.owner.query(`UPDATE memberships SET role = 'adviser' WHERE tenant_id = $1`, [tenantId]);
    expect((await within(Date.now(), 1_000, canAct, (status) => status === 400)).value).toBe(400);
    await fixtures.owner.query(`UPDATE providers SET archived_at = now() WHERE id = $1 AND tenant_id = $2`, [
      providers[1],
      tenantId,
    ]);
    const changedAt = Date.now();
    const [page, figures] = await Promise.all([
      within(changedAt, 1_000, caseload, (answer) => answer.total === 1),
      within(changedAt, 1_000, statistics, (answer) => answer.total.total === 1),
    ]);
    expect([page.value.total, figures.value.total.total]).toEqual([1, 1]);
    expect(Math.max(page.staleMs, figures.staleMs)).toBeLessThan(1_000);
  });

  it('keeps one schedule of each daily job, however many workers create them', async () => {
    const connection = redisOptionsFromUrl(env['REDIS_URL'], 'queue');
    for (const queueName of new Set(JOB_SCHEDULERS.map((scheduler) => scheduler.queue))) {
      const queue = new Queue(queueName, { connection, prefix: env['REDIS_PREFIX'] });
      try {
        const expected = JOB_SCHEDULERS.filter((scheduler) => scheduler.queue === queueName).map((s) => s.id);
        const schedulers = await queue.getJobSchedulers();
        expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual([...expected].sort());
        // One next run each: two workers upserting the same scheduler never add a second run.
        const delayed = await queue.getDelayed();
        expect(delayed.map((job) => job.repeatJobKey).sort()).toEqual([...expected].sort());
      } finally {
        await queue.close();
      }
    }
  });

  /** An LSP with an adviser signed in through nginx and three providers in a cycle of its own. */
  async function lspWithProviders(label: string) {
    const tenant = await fixtures.tenant(label);
    const stats = new StatisticsFixtures(fixtures.owner);
    const { current } = await stats.cyclePair();
    const providers: string[] = [];
    for (const completed of [3, 10, 20]) {
      const provider = await stats.provider(tenant, current.id, {
        region: 'London',
        localAuthority: 'Camden',
        serviceType: 'homecare',
        sizeBand: 'small',
        standing: { status: 'in_progress', completed },
      });
      providers.push(provider.id);
    }
    const user = await fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await new ApiClient(replicas.nginx.url).signIn(user.email, user.password, user.totpSecret);
    return { slug: tenant.slug, tenantId: tenant.id, cycle: current.code, providers, adviser };
  }
});

/**
 * Two workers share one reminder step for a few hundred contacts; one is killed (SIGKILL) mid-batch. None
 * is lost, and an email is repeated only when the relay accepted it in the instant the worker died: then
 * with the same Message-ID, at most one per SMTP connection the dead worker had open.
 */
describe('two workers sending one reminder step', () => {
  const api = useReminderTestApi();
  let doomed: RunningProcess | undefined;
  let second: RunningProcess | undefined;
  const CONTACTS = 300;

  afterAll(async () => {
    await doomed?.stop();
    await second?.stop();
  });

  it('share the sending; kill one mid-batch: every contact gets the email, repeats only as the relay took them', async () => {
    const tenant = await api.fixtures.tenant('two-workers');
    const providers: ReminderProvider[] = [];
    for (let index = 0; index < CONTACTS; index += 20) {
      const chunk = Array.from({ length: 20 }, (_, offset) => api.provider(tenant, { label: `two-${index + offset}` }));
      providers.push(...(await Promise.all(chunk)));
    }
    const workerEnv = { WORKER_CONCURRENCY: '20', SMTP_POOL_SIZE: String(SMTP_POOL_SIZE_FOR_TESTS) };
    [doomed, second] = await Promise.all([1, 2].map(() => startWorkerProcess({ ...api.env, ...workerEnv }, 120_000)));

    // The relay takes 60 emails, then sits on the next ones without answering "250 OK".
    api.smtp.holdAfterMore(60);
    await api.plan();
    const claimers = async () =>
      (
        await api.fixtures.owner.query(
          `SELECT count(DISTINCT claimed_by)::int AS n FROM email_messages WHERE status = 'sending' AND tenant_id = $1`,
          [tenant.id],
        )
      )[0].n as number;
    // Each worker's every SMTP connection is waiting on the relay: both are mid-batch.
    await waitUntil(
      async () => api.smtp.heldCount === 2 * SMTP_POOL_SIZE_FOR_TESTS && (await claimers()) === 2,
      'both workers to have emails in flight',
      60_000,
    );
    await doomed.stop('SIGKILL');
    expect(doomed.child.signalCode).toBe('SIGKILL');
    // The dead worker's held emails were never accepted and are dropped; the survivor's are accepted.
    await api.smtp.releaseOnceClientsLeave(SMTP_POOL_SIZE_FOR_TESTS);

    const emails = providers.map((provider) => provider.email);
    await api.smtp.waitFor(
      () => [...api.smtp.deliveredTo(emails).values()].every((messages) => messages.length >= 1),
      'every contact to get the email',
      60_000,
    );
    await waitUntil(
      async () =>
        (await api.outbox(providers.map((provider) => provider.contactId))).every((row) => row.status === 'sent'),
      'every outbox row to be recorded as sent',
    );
    const delivered = [...api.smtp.deliveredTo(emails).values()];
    const repeated = delivered.filter((messages) => messages.length > 1);
    for (const messages of repeated) {
      expect(new Set(messages.map((mail) => mail.messageId)).size).toBe(1);
    }
    expect(repeated.length).toBeLessThanOrEqual(SMTP_POOL_SIZE_FOR_TESTS);
    expect(delivered.every((messages) => messages.length <= 2)).toBe(true);
  }, 180_000);
});
