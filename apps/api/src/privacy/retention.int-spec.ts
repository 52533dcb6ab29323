import { dropDatabase } from '@dspt/server/data';
import { QUEUES, RETENTION_JOBS, redisOptionsFromUrl } from '@dspt/server/platform';
import type { RetentionResult } from '@dspt/server/reminders';
import {
  ApiClient,
  createEmptyTestDatabase,
  type FixtureTenant,
  type RunningProcess,
  startWorkerProcess,
} from '@dspt/server/testing';
import { Queue, QueueEvents } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/use-test-api';

interface EmailRow {
  id: string;
  status: string;
  subject: string | null;
  personal_message: string | null;
  to_email: string;
  to_name: string;
  contact_id: string | null;
  sent_at: Date | null;
  content_removed_at: Date | null;
}

describe('retention: old email content and audit events go, the delivery record stays', () => {
  let databaseUrl = '';
  // A database of its own: the job walks every LSP and the whole audit trail.
  const api = useTestApi(async () => {
    databaseUrl = await createEmptyTestDatabase('retention');
    return { DATABASE_OWNER_URL: databaseUrl };
  });
  let workers: RunningProcess[] = [];
  let queue: Queue;
  let events: QueueEvents;
  let tenant: FixtureTenant;
  let provider: { id: string; contactId: string; email: string };
  let cycleId: string;

  beforeAll(async () => {
    const connection = redisOptionsFromUrl(api.env['REDIS_URL'], 'queue');
    queue = new Queue(QUEUES.retention, { connection, prefix: api.env['REDIS_PREFIX'] });
    events = new QueueEvents(QUEUES.retention, { connection, prefix: api.env['REDIS_PREFIX'] });
    await events.waitUntilReady();
    tenant = await api.fixtures.tenant('retention');
    const created = await api.fixtures.provider(tenant);
    const email = `manager-${created.odsCode.toLowerCase()}@provider.test`;
    const [contact] = await api.fixtures.owner.query(
      `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary)
       VALUES ($1, $2, 'Pat Manager', $3, 'registered_manager', true) RETURNING id`,
      [tenant.id, created.id, email],
    );
    provider = { id: created.id, contactId: contact.id, email };
    cycleId = (
      await api.fixtures.cycleWithQuestions('2039-40', [{ code: '1.1.5', section: 'Staffing and Roles', level: 'AS' }])
    ).id;
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await queue?.close();
    await events?.close();
  });
  afterAll(async () => {
    // Declared after useTestApi's: the api and fixtures are closed by now.
    if (databaseUrl && !process.env['KEEP_TEST_DATABASE']) {
      await dropDatabase(databaseUrl);
    }
  });

  /** An email settled `daysAgo` days ago (queued ones were created then). */
  const email = async (
    status: 'sent' | 'failed' | 'suppressed' | 'queued',
    daysAgo: number,
    message: string | null = null,
  ) => {
    const settled = { sent: 'sent_at', failed: 'failed_at', suppressed: 'suppressed_at', queued: null }[status];
    const [row] = await api.fixtures.owner.query(
      `INSERT INTO email_messages (tenant_id, provider_id, contact_id, cycle_id, kind, idempotency_key, to_email, to_name,
                                   personal_message, status, attempts, subject, last_error, created_at
                                   ${settled ? `, ${settled}` : ''})
       VALUES ($1, $2, $3, $4, 'guidance', $5, $6, 'Pat Manager', $7, $8, 1, 'Help with your DSPT for Pat Manager',
               CASE WHEN $8 = 'failed' THEN '550 5.1.1 No such mailbox' END,
               now() - make_interval(days => $9) - interval '1 minute' ${settled ? ', now() - make_interval(days => $9)' : ''})
       RETURNING id`,
      [
        tenant.id,
        provider.id,
        provider.contactId,
        cycleId,
        `guidance.${randomUUID()}`,
        provider.email,
        message,
        status,
        daysAgo,
      ],
    );
    return row.id as string;
  };
  const emailRows = async (ids: string[]): Promise<Map<string, EmailRow>> => {
    const rows: EmailRow[] = await api.fixtures.owner.query(
      `SELECT id, status, subject, personal_message, to_email, to_name, contact_id, sent_at, content_removed_at
       FROM email_messages WHERE id = ANY($1)`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  };
  /** An audit event that happened `daysAgo` days ago, as the owner writes it (the app may not back-date). */
  const auditEvent = async (daysAgo: number, tenantId: string | null = tenant.id) => {
    const [row] = await api.fixtures.owner.query(
      `INSERT INTO audit_events (tenant_id, action, occurred_at, after) VALUES ($1, 'note.created', now() - make_interval(days => $2), '{"old": true}')
       RETURNING id`,
      [tenantId, daysAgo],
    );
    return row.id as string;
  };
  const remaining = async (ids: string[]) =>
    (await api.fixtures.owner.query(`SELECT id FROM audit_events WHERE id = ANY($1)`, [ids])).map(
      (row: { id: string }) => row.id,
    );
  const runRetention = async (): Promise<RetentionResult> => {
    const job = await queue.add(RETENTION_JOBS.apply, {});
    return job.waitUntilFinished(events, 30_000);
  };

  it('is scheduled once, daily at 03:30 London time, however many workers start', async () => {
    workers = [await startWorkerProcess(api.env), await startWorkerProcess(api.env)];
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([
      expect.objectContaining({
        key: 'daily-retention',
        pattern: '30 3 * * *',
        tz: 'Europe/London',
        name: RETENTION_JOBS.apply,
      }),
    ]);
  });

  it('removes the subject and personal message of emails settled more than 400 days ago, keeps newer ones and every delivery record', async () => {
    const old = await email('sent', 401, 'Lovely to talk to you, Pat.');
    const oldFailed = await email('failed', 450, 'Pat, here is the list.');
    const oldSuppressed = await email('suppressed', 800);
    const recent = await email('sent', 399, 'Still within the period.');
    const waiting = await email('queued', 500, 'Never sent yet.');

    const result = await runRetention();
    expect(result).toMatchObject({
      emailContentRemoved: { [tenant.slug]: 3 },
      emailContentRemovedTotal: 3,
      auditEventsBefore: expect.any(String),
    });
    const rows = await emailRows([old, oldFailed, oldSuppressed, recent, waiting]);
    for (const id of [old, oldFailed, oldSuppressed]) {
      expect(rows.get(id)).toMatchObject({
        subject: null,
        personal_message: null,
        content_removed_at: expect.any(Date),
        // The delivery record: to whom, how it went, when.
        to_email: provider.email,
        to_name: 'Pat Manager',
        contact_id: provider.contactId,
      });
    }
    expect(rows.get(old)).toMatchObject({ status: 'sent', sent_at: expect.any(Date) });
    expect(rows.get(oldFailed)?.status).toBe('failed');
    expect(rows.get(recent)).toMatchObject({
      subject: 'Help with your DSPT for Pat Manager',
      personal_message: 'Still within the period.',
      content_removed_at: null,
    });
    expect(rows.get(waiting)).toMatchObject({
      status: 'queued',
      personal_message: 'Never sent yet.',
      content_removed_at: null,
    });

    // A second run finds nothing left to remove; each run is recorded with its counts.
    expect((await runRetention()).emailContentRemovedTotal).toBe(0);
    const runs = await api.fixtures.owner.query(
      `SELECT after FROM audit_events WHERE action = 'retention.applied' AND tenant_id IS NULL ORDER BY occurred_at`,
    );
    expect(runs.map((run: { after: RetentionResult }) => run.after.emailContentRemovedTotal)).toEqual([3, 0]);

    // An email whose content is gone cannot be sent again (it would go out without its message).
    const adviser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    const client = await new ApiClient(api.app).signIn(adviser.email, adviser.password, adviser.totpSecret);
    const retry = await client.post(`/api/tenants/${tenant.slug}/emails/${oldFailed}/retry`);
    expect(retry.status).toBe(409);
    expect(retry.body.message).toMatch(/content was removed/);
  });

  it('deletes audit events older than AUDIT_RETENTION_DAYS (2,190 by default), in every LSP and outside any', async () => {
    const expired = [await auditEvent(2191), await auditEvent(3000, null)];
    const kept = [await auditEvent(2189), await auditEvent(10, null)];
    const result = await runRetention();
    expect(result.auditEventsDeleted).toBe(2);
    expect(await remaining([...expired, ...kept])).toEqual(expect.arrayContaining(kept));
    expect(await remaining(expired)).toEqual([]);
  });

  it('keeps every audit event when AUDIT_RETENTION_DAYS is off, and follows EMAIL_BODY_RETENTION_DAYS', async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    workers = [await startWorkerProcess({ ...api.env, AUDIT_RETENTION_DAYS: 'off', EMAIL_BODY_RETENTION_DAYS: '30' })];
    const ancient = await auditEvent(5000);
    const monthOld = await email('sent', 31, 'A month ago.');
    const result = await runRetention();
    expect(result).toMatchObject({
      auditEventsBefore: null,
      auditEventsDeleted: 0,
      emailContentRemoved: { [tenant.slug]: 2 },
    });
    expect(await remaining([ancient])).toEqual([ancient]);
    expect((await emailRows([monthOld])).get(monthOld)).toMatchObject({ personal_message: null, subject: null });
  });

  it('lets only the app role call purge_audit_events, and never for the last 365 days', async () => {
    const [grants] = await api.fixtures.owner.query(
      `SELECT has_function_privilege('dspt_app', 'purge_audit_events(timestamptz)', 'EXECUTE') AS app,
              proacl::text AS acl FROM pg_proc WHERE proname = 'purge_audit_events'`,
    );
    expect(grants.app).toBe(true);
    // No "=X/owner" entry: PUBLIC may not execute it.
    expect(grants.acl).not.toMatch(/[{,]=X/);
    const recent = await auditEvent(364);
    await expect(
      api.fixtures.owner.transaction(async (manager) => {
        await manager.query(`SET LOCAL ROLE dspt_app`);
        await manager.query(`SELECT purge_audit_events(now() - interval '364 days')`);
      }),
    ).rejects.toThrow(/keeps at least the last 365 days/);
    await expect(
      api.fixtures.owner.transaction(async (manager) => {
        await manager.query(`SET LOCAL ROLE dspt_app`);
        await manager.query(`DELETE FROM audit_events WHERE id = $1`, [recent]);
      }),
    ).rejects.toThrow(/permission denied/);
    expect(await remaining([recent])).toEqual([recent]);
  });
});
