import type { EmailMessageList } from '@dspt/contracts';
import { EMAIL_JOBS, JOB_SCHEDULERS, QUEUES, REDIS_CLIENT } from '@dspt/server/platform';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { FixtureTenant } from '@dspt/server/testing';
import type { Redis } from 'ioredis';
import { eventually } from '../testing/eventually';
import { type ReminderProvider, useReminderTestApi } from '../testing/reminder-test-api';

/**
 * Delivery faults: a worker killed mid-batch, Redis emptied mid-batch, one LSP's transactions failing,
 * the database failing after the relay accepted, temporary and permanent SMTP refusals. Each test has an LSP of its own; the planner walks every LSP, so earlier tests' emails (all
 * settled by then) are planned again and must stay at one each.
 */
describe('reminder delivery under faults', () => {
  const api = useReminderTestApi();

  // Five at a time, so a batch of 30 has emails still waiting in Redis when the fault strikes.
  const startWorker = () => api.startWorker({ WORKER_CONCURRENCY: '5' });

  beforeAll(async () => {
    await startWorker();
  });

  afterEach(() => {
    api.smtp.release();
    api.smtp.refuse = () => undefined;
  });

  async function batch(label: string, size: number): Promise<{ tenant: FixtureTenant; providers: ReminderProvider[] }> {
    const tenant = await api.fixtures.tenant(label);
    const providers: ReminderProvider[] = [];
    for (let index = 0; index < size; index++) {
      providers.push(await api.provider(tenant, { label: `${label}-${index}` }));
    }
    return { tenant, providers };
  }

  /** Deletes every key under the app's REDIS_PREFIX (or under `<prefix>:<part>`): FLUSHALL as far as the app can tell. */
  async function emptyRedis(part = ''): Promise<number> {
    // Other test runs share this Redis server; everything this api and worker keep in Redis (queues, jobs,
    // schedulers, sessions, heartbeats, the sentinel) lives under their prefix.
    const redis = api.app.get<Redis>(REDIS_CLIENT);
    let deleted = 0;
    const match = `${api.env['REDIS_PREFIX']}:${part}*`;
    for await (const keys of redis.scanStream({ match, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) {
        deleted += await redis.del(...keys);
      }
    }
    return deleted;
  }

  async function expectExactlyOneEach(providers: readonly ReminderProvider[], what: string): Promise<void> {
    const emails = providers.map((provider) => provider.email);
    await api.smtp.waitFor(
      () => [...api.smtp.deliveredTo(emails).values()].every((messages) => messages.length >= 1),
      what,
      45_000,
    );
    await api.settled(providers, what);
    const counts = [...api.smtp.deliveredTo(emails).entries()].map(([to, messages]) => ({
      to,
      emails: messages.length,
    }));
    expect(counts).toEqual(emails.map((to) => ({ to, emails: 1 })));
    const rows = await api.outbox(providers.map((provider) => provider.contactId));
    expect(rows.map((row) => row.status)).toEqual(providers.map(() => 'sent'));
  }

  it('kill the worker mid-batch (SIGKILL, emails in flight) and start a new one: exactly one email each', async () => {
    const { providers } = await batch('killed', 30);
    api.smtp.holdAfterMore(8);
    await api.plan();
    // The relay has taken 8 emails and is sitting on the next ones without answering "250 OK".
    await api.smtp.waitFor(() => api.smtp.heldCount >= 3, 'emails in flight');
    await api.stopWorker('SIGKILL');
    // The relay never answered them, so it drops them. (A relay that accepted an email in the instant
    // before the worker died, before the row was marked sent, would get it again: docs/reminders.md.)
    await api.smtp.dropHeldOnceClientsLeave();
    const delivered = [...api.smtp.deliveredTo(providers.map((provider) => provider.email)).values()].filter(
      (messages) => messages.length > 0,
    ).length;
    expect(delivered).toBeGreaterThanOrEqual(8);
    expect(delivered).toBeLessThan(30);

    // Their rows stay claimed by the dead worker until the claim expires; the new worker takes over the
    // stalled jobs and sends them once it has.
    await startWorker();
    await expectExactlyOneEach(providers, 'every contact of the killed batch');
  }, 90_000);

  it('empty Redis mid-batch: the worker puts back schedulers and waiting emails at once, one email each', async () => {
    const { providers } = await batch('flushed', 30);
    api.smtp.holdAfterMore(10);
    await api.plan();
    await api.smtp.waitFor(() => api.smtp.heldCount >= 3, 'emails in flight');

    expect(await emptyRedis()).toBeGreaterThan(0);
    // The sessions went with Redis: sign in again (the next TOTP step: a code works once).
    await api.resetSystemAdminSession(1);
    api.smtp.release(); // the emails in flight finish and are recorded as sent.
    // No planner run: the worker notices the empty Redis and queues the waiting emails again itself.
    await expectExactlyOneEach(providers, 'every contact of the flushed batch, without planning again');
    const reminders = api.app.get<Queue>(getQueueToken(QUEUES.reminders), { strict: false });
    const schedulerIds = async () =>
      (
        await Promise.all(
          [QUEUES.reminders, QUEUES.statistics, QUEUES.retention].map((name) =>
            api.app.get<Queue>(getQueueToken(name), { strict: false }).getJobSchedulers(),
          ),
        )
      )
        .flat()
        .map((scheduler) => scheduler.key);
    // Put back beside the emails, not before them: read until all are there (or 5 s have passed).
    const expected = JOB_SCHEDULERS.map((scheduler) => scheduler.id).sort();
    const found = await eventually(
      async () => (await schedulerIds()).sort(),
      (ids) => ids.length >= expected.length,
    );
    expect(found).toEqual(expected);
    expect(await reminders.getJobScheduler('daily-reminder-planner')).toMatchObject({ pattern: '0 9 * * *' });

    const planned = await api.plan();
    expect(planned).toMatchObject({ created: 0, enqueued: 0 });
    await expectExactlyOneEach(providers, 'every contact of the flushed batch, after planning again');
  }, 90_000);

  it("one LSP's failed claim transaction leaves other LSPs' emails alone", async () => {
    await api.stopWorker();
    // Planned first (slugs in order), so the failing LSP's jobs come first in the batch.
    const failing = await batch('claim-a-fails', 4);
    const healthy = await batch('claim-b-works', 4);
    const owner = api.fixtures.owner;
    await owner.query(
      `CREATE FUNCTION fail_claims_of_one_lsp() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.tenant_id = '${failing.tenant.id}' AND NEW.status = 'sending' THEN
           RAISE EXCEPTION 'this LSP''s transaction fails';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await owner.query(
      `CREATE TRIGGER fail_claims_of_one_lsp BEFORE UPDATE ON email_messages
       FOR EACH ROW EXECUTE FUNCTION fail_claims_of_one_lsp()`,
    );
    try {
      await api.plan();
      await api.startWorker({ WORKER_CONCURRENCY: '10' });
      await api.smtp.waitFor(
        () => [...api.smtp.deliveredTo(healthy.providers.map((p) => p.email)).values()].every((m) => m.length === 1),
        "the healthy LSP's emails",
      );
      // Sent at their first try: their claims committed, and the other LSP's failure did not undo them.
      await api.settled(healthy.providers, "the healthy LSP's emails");
      expect(await api.outbox(healthy.providers.map((provider) => provider.contactId))).toEqual(
        healthy.providers.map(() => expect.objectContaining({ status: 'sent', attempts: 1 })),
      );
      const failed = await api.outbox(failing.providers.map((provider) => provider.contactId));
      expect(failed).toEqual(failing.providers.map(() => expect.objectContaining({ status: 'queued', attempts: 0 })));
    } finally {
      await owner.query(`DROP TRIGGER IF EXISTS fail_claims_of_one_lsp ON email_messages`);
      await owner.query(`DROP FUNCTION IF EXISTS fail_claims_of_one_lsp()`);
      await api.stopWorker();
      await startWorker();
    }
    // Its transactions work again: its jobs' next tries send them, once. (Their backoff brought forward.)
    const queue = api.app.get<Queue>(getQueueToken(QUEUES.email), { strict: false });
    for (const id of await api.emailJobsFor(failing.providers)) {
      // A job whose time came meanwhile is no longer delayed: nothing to bring forward.
      await (await queue.getJob(id))?.promote().catch(() => undefined);
    }
    await expectExactlyOneEach(failing.providers, "the failing LSP's emails once its database works");
  }, 90_000);

  it('retries the record, never the email, when the database fails after the relay accepted it', async () => {
    const { tenant, providers } = await batch('record-blinks', 2);
    const owner = api.fixtures.owner;
    // Fails the first "sent" record of this LSP, once: a sequence counts across the rolled-back transaction.
    await owner.query(`CREATE SEQUENCE record_faults`);
    await owner.query(
      `CREATE FUNCTION fail_first_sent_record() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
       BEGIN
         IF NEW.tenant_id = '${tenant.id}' AND NEW.status = 'sent' AND nextval('record_faults') = 1 THEN
           RAISE EXCEPTION 'the database blinked';
         END IF;
         RETURN NEW;
       END $$`,
    );
    await owner.query(
      `CREATE TRIGGER fail_first_sent_record BEFORE UPDATE ON email_messages
       FOR EACH ROW EXECUTE FUNCTION fail_first_sent_record()`,
    );
    try {
      await api.plan();
      await expectExactlyOneEach(providers, 'the emails whose record failed once');
      const [{ faults }] = await owner.query(`SELECT last_value AS faults FROM record_faults`);
      expect(Number(faults)).toBeGreaterThanOrEqual(2); // the fault struck, and the record went through after it
      expect(await api.outbox(providers.map((provider) => provider.contactId))).toEqual(
        providers.map(() => expect.objectContaining({ status: 'sent', attempts: 1, last_error: null })),
      );
      providers.forEach((provider) => expect(api.smtp.offers.get(provider.email)).toBe(1));
    } finally {
      await owner.query(`DROP TRIGGER IF EXISTS fail_first_sent_record ON email_messages`);
      await owner.query(`DROP FUNCTION IF EXISTS fail_first_sent_record()`);
      await owner.query(`DROP SEQUENCE IF EXISTS record_faults`);
    }
  });

  it('retries a temporary refusal (451) with backoff and sends once', async () => {
    const { providers } = await batch('greylisted', 2);
    api.smtp.refuse = (address, attempt) =>
      address === providers[0].email && attempt === 1
        ? { code: 451, message: '4.7.1 Greylisted, try again later' }
        : undefined;
    await api.plan();
    await expectExactlyOneEach(providers, 'the greylisted contact, second time lucky');
    const [greylisted] = await api.outbox([providers[0].contactId]);
    expect(greylisted).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    expect(api.smtp.offers.get(providers[0].email)).toBe(2);
  });

  it('marks a permanent refusal (550) failed with the reason, shows it in the log, and sends it again on request', async () => {
    const { tenant, providers } = await batch('refused', 1);
    const [refused] = providers;
    let mailboxExists = false;
    api.smtp.refuse = (address) =>
      address === refused.email && !mailboxExists ? { code: 550, message: '5.1.1 No such mailbox' } : undefined;
    await api.plan();
    await api.settled([refused], 'the refused email');
    const [row] = await api.outbox([refused.contactId]);
    expect(row).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: expect.stringMatching(/^550 .*No such mailbox/),
    });
    expect(api.smtp.offers.get(refused.email)).toBe(1);

    const adviser = await api.signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    const failed = (await adviser.get(`/api/tenants/${tenant.slug}/emails?status=failed`).expect(200))
      .body as EmailMessageList;
    expect(failed.items).toEqual([
      expect.objectContaining({
        toEmail: refused.email,
        status: 'failed',
        lastError: row.last_error,
        failedAt: expect.any(String),
      }),
    ]);

    const viewer = await api.signIn(await api.fixtures.member(tenant, 'viewer', { mfa: true }));
    expect((await viewer.post(`/api/tenants/${tenant.slug}/emails/${failed.items[0].id}/retry`)).status).toBe(403);
    mailboxExists = true;
    const retried = await adviser.post(`/api/tenants/${tenant.slug}/emails/${failed.items[0].id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'queued' });
    await expectExactlyOneEach([refused], 'the retried email');
    expect((await adviser.post(`/api/tenants/${tenant.slug}/emails/${failed.items[0].id}/retry`)).status).toBe(409);
    const [audit] = await api.fixtures.owner.query(
      `SELECT before FROM audit_events WHERE tenant_id = $1 AND action = 'email.retried'`,
      [tenant.id],
    );
    expect(audit.before).toEqual({ status: 'failed', lastError: row.last_error });
  });

  it('leaves an email another worker holds alone until its claim expires, then sends it once', async () => {
    const { tenant, providers } = await batch('held-elsewhere', 1);
    await api.stopWorker();
    await api.plan();
    // As a worker that claimed the email and died (or is still sending it) would leave it.
    const [[row]] = await api.fixtures.owner.query(
      `UPDATE email_messages SET status = 'sending', claimed_by = 'another-worker', claim_expires_at = now() + interval '10 minutes'
       WHERE contact_id = $1 RETURNING id, idempotency_key`,
      [providers[0].contactId],
    );
    const queue = api.app.get<Queue>(getQueueToken(QUEUES.email), { strict: false });
    await startWorker();
    const job = await queue.add(
      EMAIL_JOBS.send,
      { tenantId: tenant.id, messageId: row.id },
      { jobId: `${row.idempotency_key}.again`, attempts: 2 },
    );
    // The worker finds the email held and puts the job off until the claim ends: wait for that, not a clock.
    for (const deadline = Date.now() + 30_000; (await job.getState()) !== 'delayed';) {
      if (Date.now() > deadline) {
        throw new Error(`The held email's job is ${await job.getState()}, not put off until the claim ends`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(api.smtp.deliveredTo([providers[0].email]).get(providers[0].email)).toEqual([]);
    // The claim ends (as a dead worker's does) and the job's time comes.
    await api.fixtures.owner.query(`UPDATE email_messages SET claim_expires_at = now() WHERE id = $1`, [row.id]);
    await job.promote();
    // The planner's own job is put off the same way, until the claim's old end if the worker looked just
    // before the claim ended: each job for the email put off is brought forward, and finds it settled.
    const bringForward = setInterval(() => {
      void queue
        .getJobs(['delayed'])
        .then((delayed) =>
          Promise.all(
            delayed
              .filter((waiting) => waiting?.data.messageId === row.id)
              .map((waiting) => waiting.promote().catch(() => undefined)),
          ),
        );
    }, 100);
    try {
      await expectExactlyOneEach(providers, 'the email once the claim expired');
    } finally {
      clearInterval(bringForward);
    }
  });

  it('sends a guidance email whose job Redis lost on the next planner run', async () => {
    // Published, so no reminder: the one email it gets is the guidance.
    const tenant = await api.fixtures.tenant('guided-flush');
    const providers = [await api.provider(tenant, { label: 'guided-flush', published: 'standards_met' })];
    const adviser = await api.signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    await api.stopWorker();
    expect(
      (await adviser.post(`/api/tenants/${tenant.slug}/providers/${providers[0].id}/guidance-emails`, {})).status,
    ).toBe(202);
    // Only the email queue's keys: the rest of Redis (its sentinel) is there, so the worker sees no empty Redis.
    await emptyRedis('email:');
    await startWorker();
    // Nothing is left for the worker to send it with: the job is gone, and the row waits.
    expect(await api.emailJobsFor(providers)).toEqual([]);
    expect(await api.outbox([providers[0].contactId])).toEqual([expect.objectContaining({ status: 'queued' })]);
    expect(api.smtp.deliveredTo([providers[0].email]).get(providers[0].email)).toEqual([]);
    const planned = await api.plan();
    expect(planned.requeued).toBeGreaterThanOrEqual(1);
    await api.smtp.waitFor(
      () => api.smtp.deliveredTo([providers[0].email]).get(providers[0].email)?.length === 1,
      'the guidance email',
    );
    await api.settled(providers, 'the guidance email');
    const [mail] = api.smtp.deliveredTo([providers[0].email]).get(providers[0].email) ?? [];
    expect(mail.subject).toMatch(/^Help with your DSPT/);
    expect(api.smtp.deliveredTo([providers[0].email]).get(providers[0].email)).toHaveLength(1);
  });
});
