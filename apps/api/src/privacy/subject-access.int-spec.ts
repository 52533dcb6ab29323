import type { SubjectAccessExport } from '@dspt/contracts';
import { AppConfigService, EmailAddressHasher } from '@dspt/server/platform';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { randomBytes } from 'node:crypto';
import { useTestApi } from '../testing/use-test-api';

/** Subject access: everything one LSP holds about an address, and nothing another LSP holds about it. */
describe('subject access export', () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  let other: FixtureTenant;
  let admin: ApiClient;
  let adviser: ApiClient;
  let otherAdmin: ApiClient;

  beforeAll(async () => {
    [tenant, other] = [await api.fixtures.tenant('asked'), await api.fixtures.tenant('also-holds')];
    const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
    admin = await signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
    adviser = await signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
    otherAdmin = await signIn(await api.fixtures.member(other, 'admin', { mfa: true }));
  });

  it('exports the contacts, emails, notes, tasks, unsubscribe state and audit events of one address, as a file', async () => {
    const hex = randomBytes(3).toString('hex');
    const email = `rowena.${hex}@subject.test`;
    const name = `Rowena Thistlewood${hex}`;
    const mine = await api.fixtures.provider(tenant, { name: `Thistle House ${hex}` });
    const second = await api.fixtures.provider(tenant, { name: `Thistle Court ${hex}` });
    const theirs = await api.fixtures.provider(other, { name: `Elsewhere Home ${hex}` });
    const cycle = await api.fixtures.cycle();

    const added = await admin.post(`/api/tenants/${tenant.slug}/providers/${mine.id}/contacts`, {
      name,
      email,
      role: 'owner',
    });
    expect(added.status).toBe(201);
    expect(
      (
        await admin.post(`/api/tenants/${tenant.slug}/providers/${second.id}/contacts`, {
          name,
          email,
          role: 'dspt_admin',
        })
      ).status,
    ).toBe(201);
    // Unsubscribing follows the address in the LSP: both of its contact rows show it.
    const emailHashKey = new EmailAddressHasher(api.app.get(AppConfigService).get('EMAIL_HASH_KEY')).sqlKey;
    await api.fixtures.owner.query(
      `INSERT INTO email_suppressions (tenant_id, email_hash, unsubscribed_at)
       VALUES ($1, email_address_hash($2, $3), '2026-11-02T10:00:00Z')`,
      [tenant.id, email, emailHashKey],
    );
    await api.fixtures.owner.query(
      `INSERT INTO email_messages (tenant_id, provider_id, contact_id, cycle_id, kind, offset_days, idempotency_key, to_email, to_name, status, subject, sent_at)
       VALUES ($1, $2, $3, $4, 'deadline_reminder', 30, $5, $6, $7, 'sent', 'DSPT deadline: 3 items left', '2026-05-31T08:00:00Z')`,
      [tenant.id, mine.id, added.body.id, cycle.id, `reminder.${hex}`, email, name],
    );
    expect(
      (
        await adviser.post(`/api/tenants/${tenant.slug}/providers/${mine.id}/notes`, {
          kind: 'call',
          body: `Spoke to ${name} about 4.1.1`,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await adviser.post(`/api/tenants/${tenant.slug}/providers/${second.id}/notes`, {
          kind: 'email',
          body: `Wrote to ${email.toUpperCase()}`,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await adviser.post(`/api/tenants/${tenant.slug}/providers/${second.id}/notes`, {
          kind: 'note',
          body: 'Nothing about her',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await adviser.post(`/api/tenants/${tenant.slug}/providers/${mine.id}/tasks`, {
          title: `Send ${name} the policy`,
          dueOn: '2099-01-01',
        })
      ).status,
    ).toBe(201);

    // Another LSP holds the same address, with its own history: none of it may appear.
    expect(
      (
        await otherAdmin.post(`/api/tenants/${other.slug}/providers/${theirs.id}/contacts`, {
          name: 'Rowena elsewhere',
          email,
          role: 'other',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await otherAdmin.post(`/api/tenants/${other.slug}/providers/${theirs.id}/notes`, {
          kind: 'call',
          body: `Other LSP secret about ${email}`,
        })
      ).status,
    ).toBe(201);

    // Newer free texts naming them: a progress comment, a reconciliation's reason, a transfer request's
    // note and decline reason, and an email to someone else that mentions them.
    const [assessment] = await api.fixtures.owner.query(
      `INSERT INTO assessments (tenant_id, provider_id, cycle_id) VALUES ($1, $2, $3) RETURNING id`,
      [tenant.id, mine.id, cycle.id],
    );
    const [question] = await api.fixtures.owner.query(
      `SELECT q.id, q.code, c.code AS cycle FROM questions q JOIN assessment_cycles c ON c.id = q.cycle_id
       WHERE q.cycle_id = $1 ORDER BY q.position LIMIT 1`,
      [cycle.id],
    );
    await api.fixtures.owner.query(
      `INSERT INTO question_progress (tenant_id, assessment_id, question_id, status, comment)
       VALUES ($1, $2, $3, 'in_progress', $4)`,
      [tenant.id, assessment.id, question.id, `${name} is drafting the policy`],
    );
    await api.fixtures.owner.query(
      `INSERT INTO dspt_reconciliation_resolutions (tenant_id, provider_id, cycle_id, reason)
       VALUES ($1, $2, $3, $4)`,
      [tenant.id, mine.id, cycle.id, `${name} showed us the published assessment`],
    );
    // Offered to a third LSP, which holds the request too (not `other`, which must see nothing of this one).
    const receiving = await api.fixtures.tenant('receives');
    await api.fixtures.owner.query(
      `INSERT INTO provider_transfer_requests
         (from_tenant_id, to_tenant_id, provider_id, ods_code, provider_name, note, status, decline_reason, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'declined', $7, now())`,
      [
        tenant.id,
        receiving.id,
        second.id,
        second.odsCode,
        `Thistle Court ${hex}`,
        `Ask ${name} first`,
        `Not ours: ask ${email}`,
      ],
    );
    await api.fixtures.owner.query(
      `INSERT INTO email_messages (tenant_id, provider_id, cycle_id, kind, idempotency_key, to_email, to_name, status, subject, personal_message, sent_at)
       VALUES ($1, $2, $3, 'guidance', $4, 'colleague@subject.test', 'A Colleague', 'sent', 'DSPT guidance', $5, now())`,
      [tenant.id, mine.id, cycle.id, `guidance.${hex}`, `${name} asked us to copy you in`],
    );

    // A phone number is the person's data too.
    await api.fixtures.owner.query(
      `UPDATE provider_contacts SET phone = '0113 496 0000' WHERE email = $1 AND tenant_id = $2`,
      [email, tenant.id],
    );

    const response = await admin.get(
      `/api/tenants/${tenant.slug}/subject-access?email=${encodeURIComponent(email.toUpperCase())}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="subject-access\.json"$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const exported = response.body as SubjectAccessExport;
    expect(exported).toMatchObject({
      email,
      lsp: { slug: tenant.slug, name: tenant.name },
      pseudonym: expect.stringMatching(/^ds1:[0-9a-f]{64}$/),
    });
    expect(exported.contacts).toEqual([
      expect.objectContaining({
        provider: { name: `Thistle Court ${hex}`, odsCode: second.odsCode, kind: 'single_site' },
        name,
        phone: '0113 496 0000',
        role: 'dspt_admin',
        unsubscribedAt: '2026-11-02T10:00:00.000Z',
      }),
      expect.objectContaining({
        provider: expect.objectContaining({ odsCode: mine.odsCode }),
        name,
        role: 'owner',
        isPrimary: true,
        unsubscribedAt: '2026-11-02T10:00:00.000Z',
      }),
    ]);
    expect(exported.emails).toEqual([
      expect.objectContaining({
        kind: 'deadline_reminder',
        status: 'sent',
        subject: 'DSPT deadline: 3 items left',
        toName: name,
        sentAt: '2026-05-31T08:00:00.000Z',
      }),
    ]);
    expect(exported.notes.map((note) => note.body).sort()).toEqual([
      `Spoke to ${name} about 4.1.1`,
      `Wrote to ${email.toUpperCase()}`,
    ]);
    expect(exported.tasks.map((task) => task.title)).toEqual([`Send ${name} the policy`]);
    expect(exported.emailsMentioning).toEqual([
      expect.objectContaining({ kind: 'guidance', personalMessage: `${name} asked us to copy you in` }),
    ]);
    expect(JSON.stringify(exported.emailsMentioning)).not.toContain('colleague@subject.test');
    expect(exported.progressComments).toEqual([
      expect.objectContaining({
        provider: expect.objectContaining({ odsCode: mine.odsCode }),
        cycle: question.cycle,
        questionCode: question.code,
        comment: `${name} is drafting the policy`,
      }),
    ]);
    expect(exported.reconciliationReasons).toEqual([
      expect.objectContaining({
        provider: expect.objectContaining({ odsCode: mine.odsCode }),
        reason: `${name} showed us the published assessment`,
      }),
    ]);
    expect(exported.transferRequests).toEqual([
      expect.objectContaining({
        provider: { name: `Thistle Court ${hex}`, odsCode: second.odsCode },
        status: 'declined',
        note: `Ask ${name} first`,
        declineReason: `Not ours: ask ${email}`,
      }),
    ]);
    // The contacts' own events, found by their ids and by the address in their details.
    expect(exported.auditEvents.filter((event) => event.action === 'contact.created')).toEqual([
      expect.objectContaining({ targetType: 'provider_contact', after: expect.objectContaining({ email }) }),
      expect.objectContaining({ targetType: 'provider_contact', after: expect.objectContaining({ email }) }),
    ]);

    const text = JSON.stringify(exported);
    for (const secret of [
      other.id,
      other.slug,
      theirs.odsCode,
      `Elsewhere Home ${hex}`,
      'Rowena elsewhere',
      'Other LSP secret',
    ]) {
      expect(text).not.toContain(secret);
    }

    // The request is audited: who asked and the pseudonym, never the address.
    const [event] = await api.fixtures.owner.query(
      `SELECT actor_user_id, target_type, target_id, after FROM audit_events WHERE tenant_id = $1 AND action = 'subject_access.exported'`,
      [tenant.id],
    );
    expect(event).toMatchObject({
      actor_user_id: expect.any(String),
      target_type: 'data_subject',
      target_id: exported.pseudonym,
      after: {
        contacts: 2,
        emails: 1,
        notes: 2,
        tasks: 1,
        emailsMentioning: 1,
        progressComments: 1,
        reconciliationReasons: 1,
        transferRequests: 1,
      },
    });
    expect(JSON.stringify(event)).not.toContain(email);
    // The other LSP's export of the same address knows nothing of this LSP, and has a pseudonym of its own.
    const theirsExport = (
      await otherAdmin.get(`/api/tenants/${other.slug}/subject-access?email=${encodeURIComponent(email)}`)
    ).body as SubjectAccessExport;
    expect(theirsExport.contacts.map((contact) => contact.name)).toEqual(['Rowena elsewhere']);
    expect(theirsExport.pseudonym).not.toBe(exported.pseudonym);
    expect(JSON.stringify(theirsExport)).not.toContain(`Thistle`);
    // A later export finds the earlier one by its pseudonym.
    const again = (await admin.get(`/api/tenants/${tenant.slug}/subject-access?email=${encodeURIComponent(email)}`))
      .body as SubjectAccessExport;
    expect(again.auditEvents.map((auditEvent) => auditEvent.action)).toContain('subject_access.exported');
  });

  it('is for LSP admins only, and names the field when the address is missing or malformed', async () => {
    expect((await adviser.get(`/api/tenants/${tenant.slug}/subject-access?email=a@b.example`)).status).toBe(403);
    for (const query of ['', '?email=', '?email=not-an-address', `?email=${'a'.repeat(250)}@b.example`]) {
      const refused = await admin.get(`/api/tenants/${tenant.slug}/subject-access${query}`);
      expect({ query, status: refused.status, field: refused.body.details?.[0]?.field }).toEqual({
        query,
        status: 400,
        field: 'email',
      });
    }
    const nobody = (await admin.get(`/api/tenants/${tenant.slug}/subject-access?email=nobody@nowhere.example`))
      .body as SubjectAccessExport;
    expect(nobody).toMatchObject({
      contacts: [],
      emails: [],
      emailsMentioning: [],
      notes: [],
      tasks: [],
      progressComments: [],
      reconciliationReasons: [],
      transferRequests: [],
    });
  });
});
