import type { CaseNoteList, EmailMessageList, EmailMessageView, UnsubscribeView } from '@dspt/contracts';
import type { ApiClient, FixtureTenant } from '@dspt/server/testing';
import type { ParsedMail } from 'mailparser';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type ReminderProvider, useReminderTestApi } from '../testing/reminder-test-api';

describe('guidance emails, unsubscribe links and resubscribing', () => {
  const api = useReminderTestApi();
  let tenant: FixtureTenant;
  let adviser: ApiClient;
  let provider: ReminderProvider;

  beforeAll(async () => {
    await api.startWorker();
    tenant = await api.fixtures.tenant('guidance');
    adviser = await api.signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    provider = await api.provider(tenant, { label: 'guided', completed: ['4.1.1'] });
  });

  const path = (suffix: string) => `/api/tenants/${tenant.slug}${suffix}`;
  const unsubscribeToken = (mail: ParsedMail) =>
    /token=([\w.-]+)>/.exec(
      mail.headerLines.find((line) => line.key === 'list-unsubscribe')?.line.replace(/\s+/g, '') ?? '',
    )?.[1] ?? '';

  it('sends a guidance email listing the open mandatory items with guidance links and the personal message, logged as a case note', async () => {
    expect((await adviser.put(path('/email-settings'), { replyTo: 'help@guidance-lsp.example' })).status).toBe(403);
    const admin = await api.signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
    const settings = await admin.put(path('/email-settings'), { replyTo: 'Help@Guidance-LSP.example' });
    expect(settings.body).toEqual({ replyTo: 'help@guidance-lsp.example', senderName: tenant.name });
    expect((await admin.put(path('/email-settings'), { replyTo: 'not an address' })).body.details[0].field).toBe(
      'replyTo',
    );
    const requestId = randomUUID();
    const sent = await adviser.post(path(`/providers/${provider.id}/guidance-emails`), {
      message: 'Lovely to talk today.\n\nHere is what is left.',
      requestId,
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({
      kind: 'guidance',
      status: 'queued',
      toEmail: provider.email,
      offsetDays: null,
      requestedBy: { displayName: 'Test adviser' },
    });
    // The same request again (a double click) sends nothing new.
    const again = await adviser.post(path(`/providers/${provider.id}/guidance-emails`), {
      message: 'Lovely to talk today.',
      requestId,
    });
    expect(again.body.id).toBe(sent.body.id);

    await api.smtp.waitFor(
      () => api.smtp.deliveredTo([provider.email]).get(provider.email)?.length === 1,
      'the guidance email',
    );
    const [mail] = api.smtp.deliveredTo([provider.email]).get(provider.email) ?? [];
    expect(mail.subject).toBe(
      `Help with your DSPT: 2 mandatory items left for ${(await api.fixtures.owner.query(`SELECT name FROM providers WHERE id = $1`, [provider.id]))[0].name}`,
    );
    expect(mail.text).toContain('Lovely to talk today.\n\nHere is what is left.');
    expect(mail.text).toContain(
      '- 1.1.5 (Staffing and Roles): Evidence item 1.1.5\n  Guidance: https://www.dsptoolkit.nhs.uk/Help/Index?item=1.1.5',
    );
    expect(mail.text).toContain('- 3.2.1 (Staffing and Roles): Evidence item 3.2.1');
    expect(mail.text).not.toContain('- 4.1.1');
    expect(mail.text).toContain('Test adviser');
    expect(mail.html).toContain('<a href="https://www.dsptoolkit.nhs.uk/Help/Index?item=3.2.1">guidance for 3.2.1</a>');
    expect(mail.replyTo?.value[0].address).toBe('help@guidance-lsp.example');
    expect(mail.from?.value[0].name).toBe(tenant.name);

    const notes = (await adviser.get(path(`/providers/${provider.id}/notes`)).expect(200)).body as CaseNoteList;
    expect(notes.items[0]).toMatchObject({ kind: 'email', author: { displayName: 'Test adviser' } });
    expect(notes.items[0].body).toMatch(
      /^Guidance email to Manager of \w+ <[^>]+> listing 2 open mandatory items \(1\.1\.5, 3\.2\.1\)\.\n\nMessage: Lovely to talk today\./,
    );

    let log = (await adviser.get(path(`/providers/${provider.id}/emails`))).body as EmailMessageList;
    for (let tries = 0; tries < 50 && log.items[0]?.status !== 'sent'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      log = (await adviser.get(path(`/providers/${provider.id}/emails`))).body as EmailMessageList;
    }
    expect(log.items).toEqual([
      expect.objectContaining({ id: sent.body.id, kind: 'guidance', status: 'sent', sentAt: expect.any(String) }),
    ]);
  });

  it('refuses guidance from viewers, to unknown contacts and providers, and names bad fields', async () => {
    const viewer = await api.signIn(await api.fixtures.member(tenant, 'viewer', { mfa: true }));
    expect((await viewer.post(path(`/providers/${provider.id}/guidance-emails`), {})).status).toBe(403);
    expect((await adviser.post(path(`/providers/${randomUUID()}/guidance-emails`), {})).status).toBe(404);
    expect(
      (await adviser.post(path(`/providers/${provider.id}/guidance-emails`), { contactId: randomUUID() })).status,
    ).toBe(404);
    const bad = await adviser.post(path(`/providers/${provider.id}/guidance-emails`), { contactId: 'x', message: 4 });
    expect(bad.status).toBe(400);
    expect([...new Set(bad.body.details.map((detail: { field: string }) => detail.field))].sort()).toEqual([
      'contactId',
      'message',
    ]);
  });

  it('unsubscribes with the one-click link from the email, with no session or XSRF token, and refuses forged or altered tokens', async () => {
    const [mail] = api.smtp.deliveredTo([provider.email]).get(provider.email) ?? [];
    const token = unsubscribeToken(mail);
    expect(token).not.toBe('');
    const server = api.app.getHttpServer();

    const shown = (await request(server).get(`/api/unsubscribe?token=${token}`).expect(200)).body as UnsubscribeView;
    expect(shown).toEqual({
      email: expect.stringMatching(/^g\*\*\*@provider\.test$/),
      lspName: tenant.name,
      providerName: expect.any(String),
      unsubscribed: false,
      unsubscribedAt: null,
    });

    const [payload, signature] = token.split('.');
    const otherContact = Buffer.from(`u1.${tenant.id}.${randomUUID()}`).toString('base64url');
    for (const forged of [
      `${otherContact}.${signature}`,
      `${payload}.${signature.slice(0, -2)}AA`,
      'not-a-token',
      `${payload}`,
    ]) {
      const refused = await request(server)
        .post(`/api/unsubscribe?token=${forged}`)
        .type('form')
        .send('List-Unsubscribe=One-Click');
      expect({ forged, status: refused.status }).toEqual({ forged, status: 400 });
      expect(refused.body.details).toEqual([{ field: 'token', message: expect.stringMatching(/not valid/) }]);
      expect((await request(server).get(`/api/unsubscribe?token=${forged}`)).status).toBe(400);
    }
    expect((await request(server).get('/api/unsubscribe')).body.details[0].field).toBe('token');
    const [{ suppressions }] = await api.fixtures.owner.query(
      `SELECT count(*)::int AS suppressions FROM email_suppressions WHERE tenant_id = $1`,
      [tenant.id],
    );
    expect(suppressions).toBe(0);

    // RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to the header's address.
    const done = await request(server)
      .post(`/api/unsubscribe?token=${token}`)
      .type('form')
      .send('List-Unsubscribe=One-Click');
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ unsubscribed: true, unsubscribedAt: expect.any(String) });
    // From the web page, with the token in the body; doing it twice is fine.
    expect((await request(server).post('/api/unsubscribe').send({ token })).body).toMatchObject({ unsubscribed: true });
    const [audit] = await api.fixtures.owner.query(
      `SELECT actor_user_id, after FROM audit_events WHERE tenant_id = $1 AND action = 'contact.unsubscribed'`,
      [tenant.id],
    );
    expect(audit).toEqual({ actor_user_id: null, after: { contactId: provider.contactId, by: 'unsubscribe link' } });
  });

  it('skips the unsubscribed contact: no reminder planned, guidance refused', async () => {
    await api.plan();
    expect(await api.outbox([provider.contactId])).toEqual([expect.objectContaining({ kind: 'guidance' })]);
    const refused = await adviser.post(path(`/providers/${provider.id}/guidance-emails`), {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/unsubscribed on \d{4}-\d\d-\d\d: an adviser can resubscribe them/);
  });

  it("lets an adviser, not a viewer, resubscribe with the person's own request, which the audit trail keeps", async () => {
    const viewer = await api.signIn(await api.fixtures.member(tenant, 'viewer', { mfa: true }), 1);
    const resubscribe = path(`/providers/${provider.id}/contacts/${provider.contactId}/resubscribe`);
    expect((await viewer.post(resubscribe, { request: 'Asked again' })).status).toBe(403);
    expect((await adviser.post(resubscribe, { request: '  ' })).body.details).toEqual([
      { field: 'request', message: 'request must say how and when the person asked to get emails again' },
    ]);
    const done = await adviser.post(resubscribe, { request: 'The manager phoned and asked for reminders again' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: provider.contactId, unsubscribedAt: null });
    expect((await adviser.post(resubscribe, { request: 'Again' })).status).toBe(409);
    const [audit] = await api.fixtures.owner.query(
      `SELECT after FROM audit_events WHERE tenant_id = $1 AND action = 'contact.resubscribed'`,
      [tenant.id],
    );
    expect(audit.after).toEqual({
      contactId: provider.contactId,
      request: 'The manager phoned and asked for reminders again',
    });

    const planned = await api.plan();
    expect(planned.created).toBeGreaterThanOrEqual(1);
    const rows = (await api.outbox([provider.contactId])).map((row) => row.kind);
    expect(rows).toEqual(['guidance', 'deadline_reminder']);
    const view = (await adviser.get(path(`/providers/${provider.id}/emails`))).body.items as EmailMessageView[];
    expect(view.map((item) => item.kind)).toEqual(['deadline_reminder', 'guidance']);
  });
});
