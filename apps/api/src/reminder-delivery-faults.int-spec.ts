import type { EmailMessageList } from '@dspt/contracts';
import { EMAIL_JOBS, QUEUES } from '@dspt/server/queue';
import { REDIS_CLIENT } from '@dspt/server/redis';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { FixtureTenant } from '@dspt/server/testing';
import type { Redis } from 'ioredis';
import { type ReminderProvider, useReminderTestApi } from './testing/reminder-test-api';

/**
 * Delivery faults: a worker killed mid-batch, Redis emptied mid-batch, temporary and permanent SMTP
 * refusals. Each test has an LSP of its own; the planner walks every LSP, so earlier tests' emails (all
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

  async function expectExactlyOneEach(providers: readonly ReminderProvider[], what: string): Promise<void> {
    const emails = providers.map((provider) => provider.email);
    await api.smtp.waitFor(
      () => [...api.smtp.deliveredTo(emails).values()].every((messages) => messages.length >= 1),
      what,
      45_000,
    );
    // Time for any duplicate to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
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

  it('empty Redis mid-batch, plan again: exactly one email each', async () => {
    const { providers } = await batch('flushed', 30);
    api.smtp.holdAfterMore(10);
    await api.plan();
    await api.smtp.waitFor(() => api.smtp.heldCount >= 3, 'emails in flight');

    // FLUSHALL, scoped: everything this api and worker keep in Redis (queues, jobs, schedulers, sessions,
    // heartbeats) lives under their REDIS_PREFIX, and other test runs share this Redis server; deleting
    // every key under the prefix is FLUSHALL as far as this app can tell.
    const redis = api.app.get<Redis>(REDIS_CLIENT);
    const prefix = api.env['REDIS_PREFIX'];
    let deleted = 0;
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) {
        deleted += await redis.del(...keys);
      }
    }
    expect(deleted).toBeGreaterThan(0);
    api.smtp.release(); // the emails in flight finish and are recorded as sent.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const before = [...api.smtp.deliveredTo(providers.map((provider) => provider.email)).values()].filter(
      (messages) => messages.length > 0,
    ).length;
    expect(before).toBeLessThan(30);
    const queued = (await api.outbox(providers.map((provider) => provider.contactId))).filter(
      (row) => row.status !== 'sent',
    ).length;
    expect(queued).toBe(30 - before);

    // The sessions went with Redis: sign in again (the next TOTP step: a code works once), then plan.
    await api.resetSystemAdminSession(1);
    const planned = await api.plan();
    expect(planned.created).toBe(0);
    expect(planned.enqueued).toBe(queued);
    await expectExactlyOneEach(providers, 'every contact of the flushed batch');
  }, 90_000);

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
    let [row] = await api.outbox([refused.contactId]);
    for (let tries = 0; tries < 100 && ['queued', 'sending'].includes(row.status); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      [row] = await api.outbox([refused.contactId]);
    }
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
      `UPDATE email_messages SET status = 'sending', claimed_by = 'another-worker', claim_expires_at = now() + interval '2 seconds'
       WHERE contact_id = $1 RETURNING id, idempotency_key`,
      [providers[0].contactId],
    );
    const queue = api.app.get<Queue>(getQueueToken(QUEUES.email), { strict: false });
    await startWorker();
    await queue.add(
      EMAIL_JOBS.send,
      { tenantId: tenant.id, messageId: row.id },
      { jobId: `${row.idempotency_key}.again`, attempts: 2 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(api.smtp.deliveredTo([providers[0].email]).get(providers[0].email)).toEqual([]);
    await expectExactlyOneEach(providers, 'the email once the claim expired');
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
    const redis = api.app.get<Redis>(REDIS_CLIENT);
    for await (const keys of redis.scanStream({
      match: `${api.env['REDIS_PREFIX']}:email:*`,
      count: 1000,
    }) as AsyncIterable<string[]>) {
      if (keys.length > 0) {
        await redis.del(...keys);
      }
    }
    await startWorker();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(api.smtp.deliveredTo([providers[0].email]).get(providers[0].email)).toEqual([]);
    const planned = await api.plan();
    expect(planned.requeued).toBeGreaterThanOrEqual(1);
    await api.smtp.waitFor(
      () => api.smtp.deliveredTo([providers[0].email]).get(providers[0].email)?.length === 1,
      'the guidance email',
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const [mail] = api.smtp.deliveredTo([providers[0].email]).get(providers[0].email) ?? [];
    expect(mail.subject).toMatch(/^Help with your DSPT/);
    expect(api.smtp.deliveredTo([providers[0].email]).get(providers[0].email)).toHaveLength(1);
  });
});
