import type { CaseNoteList, GuidanceEmailPreview, GuidanceEmailsQueued } from '@dspt/contracts';
import type { ApiClient, FixtureTenant } from '@dspt/server/testing';
import { randomUUID } from 'node:crypto';
import { type ReminderProvider, useReminderTestApi } from '../testing/reminder-test-api';

describe('guidance emails: chosen recipients and items, previewed before sending', () => {
  const api = useReminderTestApi();
  let tenant: FixtureTenant;
  let adviser: ApiClient;
  let provider: ReminderProvider;
  let deputyId: string;
  let leftId: string;
  const deputyEmail = `deputy-${randomUUID().slice(0, 8)}@provider.test`;
  const leftEmail = `left-${randomUUID().slice(0, 8)}@provider.test`;

  const path = (suffix: string) => `/api/tenants/${tenant.slug}/providers/${provider.id}${suffix}`;

  beforeAll(async () => {
    await api.startWorker();
    tenant = await api.fixtures.tenant('guidance-choice');
    adviser = await api.signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    // Open mandatory items: 1.1.5 and 3.2.1 (4.1.1 is complete).
    provider = await api.provider(tenant, { label: 'chosen', completed: ['4.1.1'] });
    const deputy = await adviser.post(path('/contacts'), {
      name: 'Dana Deputy',
      email: deputyEmail,
      role: 'dspt_admin',
    });
    expect(deputy.status).toBe(201);
    deputyId = deputy.body.id;
    const left = await adviser.post(path('/contacts'), { name: 'Lee Left', email: leftEmail, role: 'other' });
    leftId = left.body.id;
    await api.unsubscribeAddress(tenant, leftEmail);
  });

  it('previews, for each chosen contact, exactly the email with only the chosen items, and sends nothing', async () => {
    const preview = await adviser.post(path('/guidance-emails/preview'), {
      contactIds: [deputyId, provider.contactId],
      questionCodes: ['3.2.1'],
      message: 'As we said on the phone.',
    });
    expect(preview.status).toBe(200);
    const { emails } = preview.body as GuidanceEmailPreview;
    expect(emails.map((email) => [email.contactId, email.toName])).toEqual([
      [deputyId, 'Dana Deputy'],
      [provider.contactId, expect.stringMatching(/^Manager of /)],
    ]);
    expect(emails[0].to).toBe(`"Dana Deputy" <${deputyEmail}>`);
    expect(emails[0].subject).toMatch(/^Help with your DSPT: 1 mandatory item/);
    expect(emails[0].text).toContain('Dana Deputy');
    expect(emails[0].text).toContain('As we said on the phone.');
    expect(emails[0].text).toContain('- 3.2.1 (Staffing and Roles)');
    expect(emails[0].text).not.toContain('- 1.1.5');
    expect(emails[0].html).toContain('guidance for 3.2.1');
    expect(emails[0].html).not.toContain('guidance for 1.1.5');
    // Without a choice, every open item.
    const all = (await adviser.post(path('/guidance-emails/preview'), {})).body as GuidanceEmailPreview;
    expect(all.emails).toHaveLength(1);
    expect(all.emails[0].text).toContain('- 1.1.5');
    expect(all.emails[0].text).toContain('- 3.2.1');
    expect(await api.outbox([provider.contactId, deputyId])).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a contact of no provider here', { contactIds: [randomUUID()] }, 'contactIds', /Not contacts of this provider/],
    ['no contact', { contactIds: [] }, 'contactIds', /at least one contact/],
    ['not a list', { contactIds: 'all' }, 'contactIds', /list of contact ids/],
    [
      'both contactId and contactIds',
      { contactId: randomUUID(), contactIds: [randomUUID()] },
      'contactIds',
      /not both/,
    ],
    ['an item already complete', { questionCodes: ['4.1.1', '3.2.1'] }, 'questionCodes', /^4\.1\.1 is not among/],
    ['unknown items', { questionCodes: ['9.9.9', 'x'] }, 'questionCodes', /^9\.9\.9, x are not among/],
    ['no item', { questionCodes: [] }, 'questionCodes', /at least one open item/],
  ])('refuses %s with a 400 naming the field, in preview and send', async (_, body, field, message) => {
    for (const suffix of ['/guidance-emails/preview', '/guidance-emails']) {
      const refused = await adviser.post(path(suffix), body);
      expect(refused.status).toBe(400);
      const details = refused.body.details as Array<{ field: string; message: string }>;
      expect(new Set(details.map((detail) => detail.field))).toEqual(new Set([field]));
      expect(details.map((detail) => detail.message)).toContainEqual(expect.stringMatching(message));
    }
    expect(await api.outbox([provider.contactId, deputyId])).toEqual([]);
  });

  it('refuses an unsubscribed contact among the chosen ones', async () => {
    const refused = await adviser.post(path('/guidance-emails'), { contactIds: [deputyId, leftId] });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/^Lee Left unsubscribed on/);
    expect(await api.outbox([deputyId, leftId])).toEqual([]);
  });

  it('sends what the preview showed, only to the chosen contact and with only the chosen items', async () => {
    const choice = { contactIds: [deputyId], questionCodes: ['3.2.1'], message: 'As we said on the phone.' };
    const preview = (await adviser.post(path('/guidance-emails/preview'), choice)).body as GuidanceEmailPreview;
    const requestId = randomUUID();
    const sent = await adviser.post(path('/guidance-emails'), { ...choice, requestId });
    expect(sent.status).toBe(202);
    const queued = sent.body as GuidanceEmailsQueued;
    expect(queued.messages).toEqual([expect.objectContaining({ contactId: deputyId, status: 'queued' })]);
    expect(queued.id).toBe(queued.messages[0].id);
    const again = (await adviser.post(path('/guidance-emails'), { ...choice, requestId })).body as GuidanceEmailsQueued;
    expect(again.messages.map((message) => message.id)).toEqual([queued.id]);

    await api.smtp.waitFor(
      () => (api.smtp.deliveredTo([deputyEmail]).get(deputyEmail)?.length ?? 0) === 1,
      'the email',
    );
    const [mail] = api.smtp.deliveredTo([deputyEmail]).get(deputyEmail) ?? [];
    expect(mail.subject).toBe(preview.emails[0].subject);
    expect(mail.text?.trim()).toBe(preview.emails[0].text.trim());
    expect(mail.text).not.toContain('- 1.1.5');
    expect(api.smtp.deliveredTo([provider.email]).get(provider.email) ?? []).toEqual([]);

    const notes = (await adviser.get(path('/notes')).expect(200)).body as CaseNoteList;
    expect(notes.items[0].body).toMatch(
      /^Guidance email to Dana Deputy <[^>]+> listing 1 open mandatory items \(3\.2\.1\)\.\n\nMessage: As we said/,
    );
  });
});
