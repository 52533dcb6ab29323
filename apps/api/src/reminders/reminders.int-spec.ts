import type { EmailMessageList, ReminderCadence, ReminderPreview } from '@dspt/contracts';
import { BANK_HOLIDAYS_KNOWN_UNTIL } from '@dspt/domain';
import { type FixtureTenant, startWorkerProcess } from '@dspt/server/testing';
import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@dspt/server/platform';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { REMINDER_CYCLE, type ReminderProvider, STEP_DAY, useReminderTestApi } from '../testing/reminder-test-api';

describe('deadline reminders: cadence, audience, planning and sending', () => {
  const api = useReminderTestApi();
  let tenant: FixtureTenant;
  let eligible: ReminderProvider[];
  let published: ReminderProvider;
  let publishedAs: ReminderProvider;
  let unsubscribed: ReminderProvider;
  let archived: ReminderProvider;
  let notPrimary: ReminderProvider;

  beforeAll(async () => {
    tenant = await api.fixtures.tenant('reminders');
    eligible = [
      await api.provider(tenant, { label: 'none-done' }),
      await api.provider(tenant, { label: 'some-done', completed: ['1.1.5', '4.1.1'] }),
    ];
    publishedAs = await api.provider(tenant, {
      label: 'published-as',
      published: 'approaching_standards',
      completed: ['1.1.5', '4.1.1'],
    });
    published = await api.provider(tenant, { label: 'published-sm', published: 'standards_met' });
    unsubscribed = await api.provider(tenant, { label: 'unsubscribed', unsubscribed: true });
    archived = await api.provider(tenant, { label: 'archived', archived: true });
    notPrimary = await api.provider(tenant, { label: 'not-primary', primary: false });
    eligible.push(publishedAs);
  });

  const path = (suffix: string) => `/api/tenants/${tenant.slug}${suffix}`;

  it('shows the default cadence with the step due today, and lets only an LSP admin change it', async () => {
    const adviser = await api.signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    const cadence = (await adviser.get(path(`/reminders/cadence?cycle=${REMINDER_CYCLE.code}`)).expect(200))
      .body as ReminderCadence;
    expect(cadence).toMatchObject({
      cycle: REMINDER_CYCLE.code,
      deadline: REMINDER_CYCLE.deadline,
      offsetsDays: [90, 30, 7],
      isDefault: true,
      // 2041 is past the bank-holiday table: the answer says so.
      bankHolidaysKnownUntil: BANK_HOLIDAYS_KNOWN_UNTIL,
    });
    expect(cadence.steps.map((step) => [step.offsetDays, step.past, step.due])).toEqual([
      [90, true, false],
      [30, true, true],
      [7, false, false],
    ]);
    expect(cadence.steps[1]).toMatchObject({
      sendOn: STEP_DAY.sendOn,
      counts: { queued: 0, sent: 0, failed: 0, suppressed: 0 },
    });

    expect(
      (await adviser.put(path('/reminders/cadence'), { cycle: REMINDER_CYCLE.code, offsetsDays: [30, 7] })).status,
    ).toBe(403);
    const admin = await api.signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
    const pastStep = await admin.put(path('/reminders/cadence'), {
      cycle: REMINDER_CYCLE.code,
      offsetsDays: [60, 30, 7],
    });
    expect(pastStep.status).toBe(400);
    expect(pastStep.body.details[0]).toEqual({
      field: 'offsetsDays',
      message: expect.stringMatching(
        /^A step 60 days before the deadline would have gone out on 2041-05-\d\d, which has passed$/,
      ),
    });
    expect(
      (await admin.put(path('/reminders/cadence'), { cycle: REMINDER_CYCLE.code, offsetsDays: [30, 0] })).body
        .details[0].field,
    ).toBe('offsetsDays');
    expect((await admin.put(path('/reminders/cadence'), { cycle: 'x', offsetsDays: [30] })).body.details[0].field).toBe(
      'cycle',
    );

    const changed = (await admin
      .put(path('/reminders/cadence'), { cycle: REMINDER_CYCLE.code, offsetsDays: [90, 30, 14, 7] })
      .then((r) => r.body)) as ReminderCadence;
    expect(changed).toMatchObject({ offsetsDays: [90, 30, 14, 7], isDefault: false });
    const back = (await admin
      .put(path('/reminders/cadence'), { cycle: REMINDER_CYCLE.code, offsetsDays: null })
      .then((r) => r.body)) as ReminderCadence;
    expect(back).toMatchObject({ offsetsDays: [90, 30, 7], isDefault: true });
    const [audit] = await api.fixtures.owner.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE tenant_id = $1 AND action = 'reminder_cadence.updated'`,
      [tenant.id],
    );
    expect(audit.n).toBe(2);
  });

  it('previews, before sending, how many and which providers the step emails and why others are left out', async () => {
    const viewer = await api.signIn(await api.fixtures.member(tenant, 'viewer', { mfa: true }));
    const preview = (
      await viewer.get(path(`/reminders/preview?cycle=${REMINDER_CYCLE.code}&offsetDays=30`)).expect(200)
    ).body as ReminderPreview;
    expect(preview).toMatchObject({
      offsetDays: 30,
      sendOn: STEP_DAY.sendOn,
      total: 3,
      excluded: { publishedAtStandardsMet: 1, unsubscribed: 1, noPrimaryContact: 1 },
    });
    expect(preview.items.map((item) => item.contactEmail).sort()).toEqual(
      eligible.map((provider) => provider.email).sort(),
    );
    const someDone = preview.items.find((item) => item.contactId === eligible[1].contactId);
    expect(someDone).toMatchObject({ itemsLeft: 1, alreadyPlanned: false });
    expect((await viewer.get(path('/reminders/preview?offsetDays=12&cycle=2040-41'))).body.details[0].field).toBe(
      'offsetDays',
    );
  });

  it('on the step day sends exactly one email per eligible contact, none to published, unsubscribed or archived providers, naming the open items', async () => {
    await api.startWorker();
    const planned = await api.plan();
    expect(planned.created).toBeGreaterThanOrEqual(3);

    const everyone = [...eligible, published, unsubscribed, archived, notPrimary].map((provider) => provider.email);
    await api.smtp.waitFor(
      () => eligible.every((provider) => api.smtp.deliveredTo([provider.email]).get(provider.email)?.length === 1),
      'one email per eligible contact',
    );
    // Planning again, as the daily scheduler would, changes nothing.
    const again = await api.plan();
    expect(again.created).toBe(0);
    await api.settled([...eligible, published, unsubscribed, archived, notPrimary], 'the sends of both runs');

    const delivered = api.smtp.deliveredTo(everyone);
    for (const provider of eligible) {
      expect({ to: provider.email, emails: delivered.get(provider.email)?.length }).toEqual({
        to: provider.email,
        emails: 1,
      });
    }
    for (const provider of [published, unsubscribed, archived, notPrimary]) {
      expect({ to: provider.email, emails: delivered.get(provider.email)?.length }).toEqual({
        to: provider.email,
        emails: 0,
      });
    }

    const [none] = delivered.get(eligible[0].email) ?? [];
    expect(none.subject).toMatch(/^DSPT deadline 30 June 2041: 3 mandatory items left for none-done Home \w+$/);
    expect(none.text).toContain('- 1.1.5 (Staffing and Roles): Evidence item 1.1.5');
    expect(none.text).toContain('- 3.2.1 (Staffing and Roles): Evidence item 3.2.1');
    expect(none.text).not.toContain('7.1.1');
    expect(none.html).toContain('<strong>4.1.1</strong>');
    expect(none.from?.value[0]).toEqual({ name: tenant.name, address: expect.any(String) });
    // Unfolded: long header lines are folded onto a second line by the sender.
    const header = (name: string) =>
      (none.headerLines.find((line) => line.key === name)?.line ?? '').replace(/\s*\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https:\/\/portal\.test\/api\/unsubscribe\?token=[\w.-]+>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(none.text).toMatch(/To stop these emails, open this link: https:\/\/portal\.test\/unsubscribe\?token=/);

    const [someDone] = delivered.get(eligible[1].email) ?? [];
    expect(someDone.subject).toContain('1 mandatory items left');
    expect(someDone.text).toContain('3.2.1');
    expect(someDone.text).not.toContain('- 1.1.5');

    const rows = await api.outbox(eligible.map((provider) => provider.contactId));
    expect(rows.map((row) => [row.status, row.attempts])).toEqual(eligible.map(() => ['sent', 1]));
  });

  it('shows the step and each provider in the delivery log, with times', async () => {
    const adviser = await api.signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    const cadence = (await adviser.get(path(`/reminders/cadence?cycle=${REMINDER_CYCLE.code}`)))
      .body as ReminderCadence;
    expect(cadence.steps[1].counts).toEqual({ queued: 0, sent: 3, failed: 0, suppressed: 0 });
    const step = (await adviser.get(path(`/emails?cycle=${REMINDER_CYCLE.code}&offsetDays=30`)).expect(200))
      .body as EmailMessageList;
    expect(step.total).toBe(3);
    expect(step.items[0]).toMatchObject({
      kind: 'deadline_reminder',
      cycle: REMINDER_CYCLE.code,
      offsetDays: 30,
      status: 'sent',
      attempts: 1,
    });
    expect(Date.parse(step.items[0].sentAt ?? '')).toBeGreaterThanOrEqual(Date.parse(step.items[0].queuedAt));
    const own = (await adviser.get(path(`/providers/${eligible[0].id}/emails`)).expect(200)).body as EmailMessageList;
    expect(own.items).toHaveLength(1);
    expect(own.items[0]).toMatchObject({
      providerId: eligible[0].id,
      toEmail: eligible[0].email,
      subject: expect.stringContaining('DSPT deadline'),
    });
    expect((await adviser.get(path(`/emails?status=nonsense`))).body.details[0].field).toBe('status');
  });

  it('re-checks at send time: a provider that published or a contact that unsubscribed since planning is suppressed, not emailed', async () => {
    await api.stopWorker();
    const later = [
      await api.provider(tenant, { label: 'publishes-later' }),
      await api.provider(tenant, { label: 'unsubscribes-later' }),
      await api.provider(tenant, { label: 'still-due' }),
    ];
    await api.plan();
    await api.fixtures.owner.query(
      `INSERT INTO publications (tenant_id, provider_id, cycle_id, level, published_on) VALUES ($1, $2, $3, 'standards_exceeded', '2041-06-01')`,
      [tenant.id, later[0].id, api.cycleId],
    );
    await api.unsubscribeAddress(tenant, later[1].email);
    await api.startWorker();
    await api.smtp.waitFor(
      () => api.smtp.deliveredTo([later[2].email]).get(later[2].email)?.length === 1,
      'the email still due',
    );
    await api.settled(later, 'the three emails');
    const settled = await api.outbox(later.map((provider) => provider.contactId));
    expect(settled.map((row) => [row.status, row.last_error])).toEqual([
      ['suppressed', 'The provider published at Standards Met or above'],
      ['suppressed', 'The contact unsubscribed'],
      ['sent', null],
    ]);
    expect(api.smtp.deliveredTo([later[0].email, later[1].email])).toEqual(
      new Map([
        [later[0].email, []],
        [later[1].email, []],
      ]),
    );
  });

  it('keeps one daily planner scheduler at 09:00 Europe/London however many workers start', async () => {
    const second = await startWorkerProcess(api.env);
    try {
      const queue = api.app.get<Queue>(getQueueToken(QUEUES.reminders), { strict: false });
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers).toEqual([
        expect.objectContaining({ key: 'daily-reminder-planner', pattern: '0 9 * * *', tz: 'Europe/London' }),
      ]);
      expect(api.worker()?.output()).not.toMatch(/maxmemory-policy is/);
    } finally {
      await second.stop();
    }
  });

  it('lets only system admins run the planner on demand', async () => {
    const lspAdmin = await api.signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
    expect((await lspAdmin.post('/api/system/reminders/plan')).status).toBe(403);
    expect((await request(api.app.getHttpServer()).post('/api/system/reminders/plan')).status).toBe(403); // no XSRF token
  });

  describe('the queue dashboard at /admin/queues', () => {
    it('is for signed-in system admins only', async () => {
      const server = api.app.getHttpServer();
      const anonymous = await request(server).get('/admin/queues');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ statusCode: 401, message: expect.stringMatching(/system admin/) });
      expect((await request(server).get('/admin/queues/api/queues')).status).toBe(401);

      const lspAdmin = await api.signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
      expect((await lspAdmin.get('/admin/queues')).status).toBe(403);
      expect((await lspAdmin.get('/admin/queues/api/queues')).status).toBe(403);

      const admin = await api.systemAdmin();
      const page = await admin.get('/admin/queues');
      expect(page.status).toBe(200);
      expect(page.text).toContain('__UI_CONFIG__');
      const queues = await admin.get('/admin/queues/api/queues');
      expect(queues.status).toBe(200);
      // Jobs' data is personal (a password reset's address): neither the page nor its JSON may be cached.
      expect([anonymous, page, queues].map((answer) => answer.headers['cache-control'])).toEqual([
        'no-store',
        'no-store',
        'no-store',
      ]);
      expect((queues.body.queues as Array<{ name: string }>).map((queue) => queue.name).sort()).toEqual(
        Object.values(QUEUES).sort(),
      );
    });
  });
});
