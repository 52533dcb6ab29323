import type { EmailTemplateList, EmailTemplateView, RenderedEmailView } from '@dspt/contracts';
import type { ApiClient, FixtureTenant } from '@dspt/server/testing';
import { randomUUID } from 'node:crypto';
import { type ReminderProvider, useReminderTestApi } from '../testing/reminder-test-api';

describe('email templates: global defaults, LSP wording, placeholders and previews', () => {
  const api = useReminderTestApi();
  let tenant: FixtureTenant;
  let admin: ApiClient;
  let adviser: ApiClient;
  let provider: ReminderProvider;

  beforeAll(async () => {
    tenant = await api.fixtures.tenant('templates');
    admin = await api.signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
    adviser = await api.signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    provider = await api.provider(tenant, { label: 'previewed', completed: ['1.1.5'] });
  });

  const path = (suffix: string) => `/api/tenants/${tenant.slug}${suffix}`;

  it('lists the three templates with the default wording and the placeholders each may use', async () => {
    const list = (await adviser.get(path('/email-templates')).then((r) => r.body)) as EmailTemplateList;
    expect(list.items.map((item) => [item.key, item.isOverride])).toEqual([
      ['deadline_reminder', false],
      ['guidance', false],
      ['invitation', false],
    ]);
    expect(list.items[1].placeholders).toContain('personalMessage');
    expect(list.items[0].placeholders).not.toContain('personalMessage');
    expect(list.items[2].placeholders).toEqual(['lspName', 'role', 'inviteLink', 'expiresOn']);
  });

  it('refuses an unknown placeholder with a 400 naming it, and anything but an admin saving', async () => {
    const wording = {
      key: 'deadline_reminder',
      subject: 'Hello {{providerName}}',
      body: 'Dear {{contactNmae}},\n\n{{openItems}}',
    };
    expect((await adviser.put(path('/email-templates'), wording)).status).toBe(403);
    const refused = await admin.put(path('/email-templates'), wording);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(
      /^Unknown placeholder \{\{contactNmae\}\} in the body: use one of \{\{contactName\}\}/,
    );
    expect(refused.body.details).toEqual([{ field: 'body', message: refused.body.message }]);
    const badKey = await admin.put(path('/email-templates'), { ...wording, key: 'newsletter' });
    expect(badKey.body.details[0].field).toBe('key');
    const listInSubject = await admin.put(path('/email-templates'), {
      key: 'guidance',
      subject: '{{openItems}}',
      body: 'x',
    });
    expect(listInSubject.body.details).toEqual([
      { field: 'subject', message: '{{openItems}} cannot be used in the subject, only in the body' },
    ]);
    expect((await admin.get(path('/email-templates'))).body.items[0].isOverride).toBe(false);
  });

  it("saves an LSP's wording, uses it in previews with a real provider's data, and goes back to the default", async () => {
    const saved = await admin.put(path('/email-templates'), {
      key: 'deadline_reminder',
      subject: '{{lspName}}: {{itemsLeft}} DSPT items left for {{providerName}}',
      body: 'Hello {{contactName}},\n\n{{openItems}}\n\nSee you soon, {{adviserName}}',
    });
    expect(saved.status).toBe(200);
    expect(saved.body as EmailTemplateView).toMatchObject({
      key: 'deadline_reminder',
      isOverride: true,
      defaultSubject: expect.stringContaining('DSPT deadline'),
    });

    const [{ name }] = await api.fixtures.owner.query(`SELECT name FROM providers WHERE id = $1`, [provider.id]);
    const preview = (await adviser
      .post(path('/email-templates/preview'), { key: 'deadline_reminder', providerId: provider.id })
      .then((r) => r.body)) as RenderedEmailView;
    expect(preview.subject).toBe(`${tenant.name}: 2 DSPT items left for ${name}`);
    expect(preview.to).toContain(provider.email);
    expect(preview.from).toContain(tenant.name);
    // The contact's name is a post ("Manager of ..."), so the greeting is to the provider's team.
    expect(preview.text.startsWith(`Hello ${name} team,\n\n- 3.2.1 `)).toBe(true);
    expect(preview.text).toMatch(/\n- 4\.1\.1 /);
    // No capital "The" mid-sentence when there is no adviser to sign.
    expect(preview.text).toContain('See you soon, the DSPT support team');
    expect(preview.text).toContain('To stop these emails, open this link: https://portal.test/unsubscribe?token=');
    expect(preview.html).toContain('<li><strong>3.2.1</strong>');

    // A draft can be previewed before it is saved, and is checked the same way.
    const draft = await adviser.post(path('/email-templates/preview'), {
      key: 'guidance',
      providerId: provider.id,
      subject: 'Draft for {{providerName}}',
      body: '{{personalMessage}}\n\nItems: {{openItems}}',
      message: 'Personal words',
    });
    expect(draft.body.subject).toBe(`Draft for ${name}`);
    expect(draft.body.text).toMatch(/^Personal words\n\nItems: 3\.2\.1, 4\.1\.1\n/);
    const badDraft = await adviser.post(path('/email-templates/preview'), {
      key: 'guidance',
      providerId: provider.id,
      subject: '{{nope}}',
      body: 'x',
    });
    expect(badDraft.body.details).toEqual([
      { field: 'subject', message: expect.stringMatching(/^Unknown placeholder \{\{nope\}\}/) },
    ]);
    expect(
      (await adviser.post(path('/email-templates/preview'), { key: 'guidance', providerId: randomUUID() })).status,
    ).toBe(404);
    expect(
      (
        await adviser.post(path('/email-templates/preview'), {
          key: 'guidance',
          providerId: provider.id,
          subject: 'only one',
        })
      ).body.details[0].field,
    ).toBe('body');

    const reset = await admin.delete(path('/email-templates?key=deadline_reminder'));
    expect(reset.body).toMatchObject({ isOverride: false, subject: expect.stringContaining('DSPT deadline') });
    const events = await api.fixtures.owner.query(
      `SELECT action FROM audit_events WHERE tenant_id = $1 AND action LIKE 'email_template.%' ORDER BY occurred_at`,
      [tenant.id],
    );
    expect(events.map((event: { action: string }) => event.action)).toEqual([
      'email_template.updated',
      'email_template.reset',
    ]);
  });

  it("sends reminders in the LSP's wording; another LSP keeps the default", async () => {
    await admin.put(path('/email-templates'), {
      key: 'deadline_reminder',
      subject: 'Own words for {{providerName}}',
      body: '{{openItems}}',
    });
    const other = await api.fixtures.tenant('other');
    const otherProvider = await api.provider(other, { label: 'elsewhere' });
    await api.startWorker();
    await api.plan();
    await api.smtp.waitFor(
      () =>
        api.smtp.deliveredTo([provider.email, otherProvider.email]).get(otherProvider.email)?.length === 1 &&
        api.smtp.deliveredTo([provider.email]).get(provider.email)?.length === 1,
      'both reminders',
    );
    const delivered = api.smtp.deliveredTo([provider.email, otherProvider.email]);
    expect(delivered.get(provider.email)?.[0].subject).toMatch(/^Own words for /);
    expect(delivered.get(otherProvider.email)?.[0].subject).toMatch(/^DSPT deadline 30 June 2041/);
  });

  it('lets system admins, and nobody else, change the global default wording', async () => {
    const system = await api.systemAdmin();
    const defaults = (await system.get('/api/admin/email-templates').then((r) => r.body)) as EmailTemplateList;
    expect(defaults.items.map((item) => item.key)).toEqual(['deadline_reminder', 'guidance', 'invitation']);
    expect((await admin.put('/api/admin/email-templates', { key: 'invitation', subject: 'x', body: 'y' })).status).toBe(
      403,
    );
    const refused = await system.put('/api/admin/email-templates', {
      key: 'invitation',
      subject: 'Join {{lspName}}',
      body: '{{openItems}}',
    });
    expect(refused.body.details[0]).toEqual({
      field: 'body',
      message: expect.stringMatching(/^Unknown placeholder \{\{openItems\}\}/),
    });
    const invitation = defaults.items[2];
    const changed = await system.put('/api/admin/email-templates', {
      key: 'invitation',
      subject: `${invitation.subject} today`,
      body: invitation.body,
    });
    expect(changed.body).toMatchObject({ subject: `${invitation.subject} today` });
    // An LSP without its own invitation wording sees the new default.
    expect((await admin.get(path('/email-templates'))).body.items[2].subject).toBe(`${invitation.subject} today`);
    await system.put('/api/admin/email-templates', {
      key: 'invitation',
      subject: invitation.subject,
      body: invitation.body,
    });
  });
});
