import type {
  ApiErrorBody,
  CurrentUser,
  MfaEnrolmentResult,
  MfaEnrolmentStart,
  ProgrammeLead,
  ProgrammeLeadList,
  TenantList,
  TenantSummary,
} from '@dspt/contracts';
import {
  ApiClient,
  type FixtureUser,
  type Fixtures,
  recipients,
  type TestSmtpServer,
  totpCode,
} from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ParsedMail } from 'mailparser';
import { randomBytes } from 'node:crypto';
import { REFUSED_PREFIX, useTestApiWithMail } from '../testing/use-test-api';

const GOOD_PASSWORD = 'correct horse battery staple 2026';

function unique(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}`;
}

function linkIn(mail: ParsedMail): URL {
  const match = /https:\/\/portal\.test\/invitations\/accept\?\S+/.exec(mail.text ?? '');
  if (!match) {
    throw new Error(`No invitation link in: ${mail.text}`);
  }
  return new URL(match[0]);
}

describe('LSP tenants and programme leads (system admin)', () => {
  let smtp: TestSmtpServer;
  const api = useTestApiWithMail();
  let app: NestExpressApplication;
  let fixtures: Fixtures;
  let sysAdminUser: FixtureUser;
  let sysAdmin: ApiClient;
  let leadUser: FixtureUser;
  let lead: ApiClient;

  beforeAll(async () => {
    ({ app, fixtures, smtp } = api);
    sysAdminUser = await fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true });
    sysAdmin = await signIn(sysAdminUser);
    leadUser = await fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true });
    lead = await signIn(leadUser);
  });

  function signIn(user: FixtureUser): Promise<ApiClient> {
    return new ApiClient(app).signIn(user.email, user.password, user.totpSecret);
  }

  /** Waits for the one email to `email` (invitations are sent before the API answers). */
  async function onlyMailTo(email: string): Promise<ParsedMail> {
    const deadline = Date.now() + 5_000;
    const matching = () => smtp.messages.filter((mail) => recipients(mail).includes(email));
    while (matching().length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(matching()).toHaveLength(1);
    return matching()[0];
  }

  async function tenantCount(): Promise<number> {
    const [row] = await fixtures.owner.query(`SELECT count(*)::int AS n FROM tenants`);
    return row.n;
  }

  /** Accepts as a new account and sets up MFA; answers the signed-in client and the enrolment result. */
  async function acceptAsNewUser(link: URL, displayName: string) {
    const client = new ApiClient(app);
    const body: Record<string, string> = {
      token: link.searchParams.get('token') ?? '',
      displayName,
      password: GOOD_PASSWORD,
    };
    const lsp = link.searchParams.get('lsp');
    if (lsp) {
      body['lsp'] = lsp;
    }
    const accepted = await client.post('/api/invitations/accept', body);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ mfaRequired: false, mfaEnrolmentRequired: true });
    const start = await client.post('/api/auth/mfa/enrolment');
    expect(start.status).toBe(200);
    const confirm = await client.post('/api/auth/mfa/enrolment/confirm', {
      code: await totpCode((start.body as MfaEnrolmentStart).secret),
    });
    expect(confirm.status).toBe(200);
    return { client, result: confirm.body as MfaEnrolmentResult };
  }

  describe('GET /api/tenants', () => {
    it('shows an LSP member only their own LSPs', async () => {
      const first = await fixtures.tenant('mine');
      const second = await fixtures.tenant('mine-too');
      await fixtures.tenant('not-mine');
      const memberUser = await fixtures.member(first, 'adviser', { mfa: true });
      await fixtures.owner.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'viewer')`, [
        second.id,
        memberUser.id,
      ]);
      const member = await signIn(memberUser);

      const response = await member.get('/api/tenants');
      expect(response.status).toBe(200);
      const { items } = response.body as TenantList;
      expect(items).toHaveLength(2);
      expect(items).toEqual(
        expect.arrayContaining([
          { id: first.id, slug: first.slug, name: first.name, region: 'London' },
          { id: second.id, slug: second.slug, name: second.name, region: 'London' },
        ]),
      );
      expect(await tenantCount()).toBeGreaterThan(2);

      const loner = await signIn(await fixtures.user({ label: 'loner', mfa: true }));
      expect((await loner.get('/api/tenants')).body).toEqual({ items: [] });
      expect((await new ApiClient(app).get('/api/tenants')).status).toBe(401);
    });

    it.each([
      ['a programme lead', () => lead],
      ['a system admin', () => sysAdmin],
    ])('shows %s every LSP', async (_label, client) => {
      await fixtures.tenant('every');
      const response = await client().get('/api/tenants');
      expect(response.status).toBe(200);
      const { items } = response.body as TenantList;
      const rows: Array<{ id: string }> = await fixtures.owner.query(`SELECT id FROM tenants`);
      expect(items).toHaveLength(rows.length);
      expect(items.map((item) => item.id).sort()).toEqual(rows.map((row) => row.id).sort());
      expect(items[0]).toEqual({
        id: expect.any(String),
        slug: expect.any(String),
        name: expect.any(String),
        region: expect.any(String),
      });
    });
  });

  describe('POST /api/tenants', () => {
    it('creates an LSP, invites its first admin by email and audits both', async () => {
      const slug = unique('new-lsp');
      const adminEmail = `${unique('first-admin')}@example.org`;
      const response = await sysAdmin.post('/api/tenants', {
        slug,
        name: '  Cumbria Care Partnership  ',
        region: 'North West',
        adminEmail,
      });

      expect(response.status).toBe(201);
      const created = response.body as TenantSummary;
      expect(created).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        slug,
        name: 'Cumbria Care Partnership',
        region: 'North West',
      });
      expect(await fixtures.owner.query(`SELECT slug, name, region FROM tenants WHERE id = $1`, [created.id])).toEqual([
        { slug, name: 'Cumbria Care Partnership', region: 'North West' },
      ]);

      const mail = await onlyMailTo(adminEmail);
      expect(mail.subject).toContain('Cumbria Care Partnership');
      expect(mail.text).toContain('administrator');
      const link = linkIn(mail);
      expect(link.searchParams.get('lsp')).toBe(slug);

      const invitations = await fixtures.owner.query(
        `SELECT id, tenant_id, role, global_role, invited_by FROM invitations WHERE email = $1`,
        [adminEmail],
      );
      expect(invitations).toEqual([
        {
          id: expect.any(String),
          tenant_id: created.id,
          role: 'admin',
          global_role: null,
          invited_by: sysAdminUser.id,
        },
      ]);
      const audit = await fixtures.owner.query(
        `SELECT action, tenant_id, actor_user_id, target_id, after FROM audit_events WHERE tenant_id = $1 ORDER BY occurred_at`,
        [created.id],
      );
      expect(audit).toEqual([
        {
          action: 'tenant.created',
          tenant_id: created.id,
          actor_user_id: sysAdminUser.id,
          target_id: created.id,
          after: created,
        },
        {
          action: 'invitation.created',
          tenant_id: created.id,
          actor_user_id: sysAdminUser.id,
          target_id: invitations[0].id,
          after: { email: adminEmail, role: 'admin' },
        },
      ]);

      // The invited admin joins and can manage the new LSP.
      const { client, result } = await acceptAsNewUser(link, 'First Admin');
      expect(result.me.memberships).toEqual([{ tenant: created, role: 'admin' }]);
      const users = await client.get(`/api/tenants/${slug}/users`);
      expect(users.status).toBe(200);
      expect(users.body.items).toEqual([
        expect.objectContaining({ email: adminEmail, role: 'admin', mfaEnrolled: true }),
      ]);
    });

    it('creates an LSP without an admin when none is named', async () => {
      const slug = unique('bare-lsp');
      const mailsBefore = smtp.messages.length;
      const response = await sysAdmin.post('/api/tenants', { slug, name: 'Bare LSP', region: 'London' });
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ slug, name: 'Bare LSP', region: 'London' });
      expect(await fixtures.owner.query(`SELECT id FROM invitations WHERE tenant_id = $1`, [response.body.id])).toEqual(
        [],
      );
      expect(smtp.messages.length).toBe(mailsBefore);
    });

    it('refuses a slug that is taken (409)', async () => {
      const existing = await fixtures.tenant('taken');
      const response = await sysAdmin.post('/api/tenants', { slug: existing.slug, name: 'Impostor', region: 'London' });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        message: expect.stringContaining(existing.slug),
      });
      expect(await fixtures.owner.query(`SELECT name FROM tenants WHERE slug = $1`, [existing.slug])).toEqual([
        { name: existing.name },
      ]);
    });

    it('answers 409, not 500, when the same slug is created concurrently', async () => {
      for (let round = 0; round < 3; round++) {
        const slug = unique('race');
        const responses = await Promise.all(
          [1, 2, 3].map(() => sysAdmin.post('/api/tenants', { slug, name: 'Race LSP', region: 'London' })),
        );
        expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
        for (const response of responses.filter((candidate) => candidate.status === 409)) {
          expect(response.body).toMatchObject({
            statusCode: 409,
            error: 'Conflict',
            message: expect.stringContaining(slug),
          });
        }
        expect(await fixtures.owner.query(`SELECT count(*)::int AS n FROM tenants WHERE slug = $1`, [slug])).toEqual([
          { n: 1 },
        ]);
      }
    });

    it('names each invalid field (400)', async () => {
      const before = await tenantCount();
      const response = await sysAdmin.post('/api/tenants', {
        slug: 'Not A Slug!',
        name: 'Fine Name',
        region: 'Narnia',
        adminEmail: 'nobody',
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      const fields = (response.body as ApiErrorBody).details?.map((detail) => detail.field);
      expect([...new Set(fields)].sort()).toEqual(['adminEmail', 'region', 'slug']);

      for (const slug of ['ab', 'double--hyphen', '-leading', 'trailing-', 'UPPER']) {
        const bad = await sysAdmin.post('/api/tenants', { slug, name: 'Fine Name', region: 'London' });
        expect({ slug, status: bad.status }).toEqual({ slug, status: 400 });
        expect((bad.body as ApiErrorBody).details?.map((detail) => detail.field)).toContain('slug');
      }
      const region = await sysAdmin.post('/api/tenants', { slug: unique('ok'), name: 'Fine Name', region: 'london' });
      expect(region.status).toBe(400);
      expect((region.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(['region']);
      expect(await tenantCount()).toBe(before);
    });

    it('creates nothing when the admin invitation cannot be sent (503)', async () => {
      const slug = unique('unmailable');
      const response = await sysAdmin.post('/api/tenants', {
        slug,
        name: 'Unmailable LSP',
        region: 'London',
        adminEmail: `${REFUSED_PREFIX}${slug}@example.org`,
      });
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
      expect(await fixtures.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug])).toEqual([]);
      expect(
        await fixtures.owner.query(
          `SELECT id FROM audit_events WHERE action = 'tenant.created' AND after->>'slug' = $1`,
          [slug],
        ),
      ).toEqual([]);
    });

    it('is for system admins only', async () => {
      const tenant = await fixtures.tenant('forbid');
      const lspAdmin = await signIn(await fixtures.member(tenant, 'admin', { mfa: true }));
      for (const [label, client] of [
        ['programme lead', lead],
        ['LSP admin', lspAdmin],
      ] as const) {
        const slug = unique('forbidden');
        const response = await client.post('/api/tenants', { slug, name: 'Forbidden LSP', region: 'London' });
        expect({ label, status: response.status }).toEqual({ label, status: 403 });
        expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
        expect(await fixtures.owner.query(`SELECT id FROM tenants WHERE slug = $1`, [slug])).toEqual([]);
      }
      expect(
        (await new ApiClient(app).post('/api/tenants', { slug: unique('anon'), name: 'Anon LSP', region: 'London' }))
          .status,
      ).toBe(401);
    });
  });

  describe('/api/admin/tenants/{slug}', () => {
    it('shows an LSP created without an admin, and lets a system admin invite its first admin', async () => {
      const slug = unique('adminless');
      expect((await sysAdmin.post('/api/tenants', { slug, name: 'Adminless LSP', region: 'South West' })).status).toBe(
        201,
      );

      const before = await sysAdmin.get(`/api/admin/tenants/${slug}`);
      expect(before.status).toBe(200);
      expect(before.body).toEqual({
        id: expect.any(String),
        slug,
        name: 'Adminless LSP',
        region: 'South West',
        members: 0,
        admins: 0,
        pendingInvitations: [],
      });

      const adminEmail = `${unique('late-admin')}@example.org`;
      const invited = await sysAdmin.post(`/api/admin/tenants/${slug}/invitations`, {
        email: adminEmail.toUpperCase(),
      });
      expect(invited.status).toBe(201);
      expect(invited.body).toMatchObject({ email: adminEmail, role: 'admin', invitedBy: sysAdminUser.id });
      const pending = await sysAdmin.get(`/api/admin/tenants/${slug}`);
      expect(pending.body).toMatchObject({
        members: 0,
        admins: 0,
        pendingInvitations: [{ email: adminEmail, role: 'admin', expiresAt: expect.any(String) }],
      });

      const link = linkIn(await onlyMailTo(adminEmail));
      expect(link.searchParams.get('lsp')).toBe(slug);
      const { client, result } = await acceptAsNewUser(link, 'Late Admin');
      expect(result.me.memberships).toEqual([
        { tenant: { id: before.body.id, slug, name: 'Adminless LSP', region: 'South West' }, role: 'admin' },
      ]);
      expect((await client.get(`/api/tenants/${slug}/users`)).status).toBe(200);

      const after = await sysAdmin.get(`/api/admin/tenants/${slug}`);
      expect(after.body).toMatchObject({ members: 1, admins: 1, pendingInvitations: [] });
    });

    it('answers 404 for an unknown LSP and 400 naming a bad email', async () => {
      expect((await sysAdmin.get(`/api/admin/tenants/${unique('nowhere')}`)).status).toBe(404);
      const missing = await sysAdmin.post(`/api/admin/tenants/${unique('nowhere')}/invitations`, {
        email: 'someone@example.org',
      });
      expect(missing.status).toBe(404);
      const tenant = await fixtures.tenant('bad-invite');
      const bad = await sysAdmin.post(`/api/admin/tenants/${tenant.slug}/invitations`, { email: 'not-an-address' });
      expect(bad.status).toBe(400);
      expect((bad.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(['email']);
      expect(await fixtures.owner.query(`SELECT id FROM invitations WHERE tenant_id = $1`, [tenant.id])).toEqual([]);
    });

    it('is for system admins only', async () => {
      const tenant = await fixtures.tenant('detail-forbid');
      const lspAdmin = await signIn(await fixtures.member(tenant, 'admin', { mfa: true }));
      for (const [label, client] of [
        ['programme lead', lead],
        ['LSP admin', lspAdmin],
      ] as const) {
        expect({ label, status: (await client.get(`/api/admin/tenants/${tenant.slug}`)).status }).toEqual({
          label,
          status: 403,
        });
        const invite = await client.post(`/api/admin/tenants/${tenant.slug}/invitations`, {
          email: `${unique('sneaky')}@example.org`,
        });
        expect({ label, status: invite.status }).toEqual({ label, status: 403 });
      }
      expect(await fixtures.owner.query(`SELECT id FROM invitations WHERE tenant_id = $1`, [tenant.id])).toEqual([]);
      expect((await new ApiClient(app).get(`/api/admin/tenants/${tenant.slug}`)).status).toBe(401);
    });
  });

  describe('/api/admin/programme-leads', () => {
    it('invites a programme lead, who joins with no LSP and the programme_lead role', async () => {
      const email = `${unique('new-lead')}@example.org`;
      const response = await sysAdmin.post('/api/admin/programme-leads', { email });
      expect(response.status).toBe(201);
      expect(response.body as ProgrammeLead).toEqual({
        userId: null,
        email,
        displayName: null,
        invitationPending: true,
      });

      const mail = await onlyMailTo(email);
      expect(mail.subject).toContain('DSPT Support Portal');
      expect(mail.text).toContain('programme lead');
      const link = linkIn(mail);
      const token = link.searchParams.get('token') ?? '';
      expect(link.toString()).toBe(`https://portal.test/invitations/accept?token=${token}`);

      const [row] = await fixtures.owner.query(
        `SELECT id, tenant_id, role, global_role, accepted_at FROM invitations WHERE email = $1`,
        [email],
      );
      expect(row).toEqual({
        id: expect.any(String),
        tenant_id: null,
        role: null,
        global_role: 'programme_lead',
        accepted_at: null,
      });
      expect(
        await fixtures.owner.query(
          `SELECT tenant_id, actor_user_id FROM audit_events WHERE action = 'invitation.created' AND target_id = $1`,
          [row.id],
        ),
      ).toEqual([{ tenant_id: null, actor_user_id: sysAdminUser.id }]);

      const pending = await sysAdmin.get('/api/admin/programme-leads');
      expect(pending.status).toBe(200);
      expect((pending.body as ProgrammeLeadList).items).toContainEqual({
        userId: null,
        email,
        displayName: null,
        invitationPending: true,
      });
      expect((pending.body as ProgrammeLeadList).items).toContainEqual({
        userId: leadUser.id,
        email: leadUser.email,
        displayName: 'Test lead',
        invitationPending: false,
      });

      const anonymous = new ApiClient(app);
      const preview = await anonymous.post('/api/invitations/preview', { token });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ email, tenantName: null, role: 'programme_lead' });
      // An LSP slug in the link moves the lookup into that LSP, where a programme-wide invitation is invisible.
      const someLsp = await fixtures.tenant('lead-link');
      expect((await anonymous.post('/api/invitations/preview', { token, lsp: someLsp.slug })).status).toBe(404);

      const { client, result } = await acceptAsNewUser(link, 'Pat Lead');
      expect(result.me.roles).toEqual(['programme_lead']);
      expect(result.me.memberships).toEqual([]);
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect((me.body as CurrentUser).roles).toEqual(['programme_lead']);

      const [user] = await fixtures.owner.query(`SELECT id, global_role, mfa_enrolled_at FROM users WHERE email = $1`, [
        email,
      ]);
      expect(user.global_role).toBe('programme_lead');
      expect(user.mfa_enrolled_at).not.toBeNull();
      expect(await fixtures.owner.query(`SELECT tenant_id FROM memberships WHERE user_id = $1`, [user.id])).toEqual([]);
      expect(
        await fixtures.owner.query(
          `SELECT tenant_id, actor_user_id FROM audit_events WHERE action = 'invitation.accepted' AND target_id = $1`,
          [row.id],
        ),
      ).toEqual([{ tenant_id: null, actor_user_id: user.id }]);

      const after = (await sysAdmin.get('/api/admin/programme-leads')).body as ProgrammeLeadList;
      expect(after.items.filter((item) => item.email === email)).toEqual([
        { userId: user.id, email, displayName: 'Pat Lead', invitationPending: false },
      ]);

      // Now a lead: every LSP, and no way to invite more leads.
      expect((await client.get('/api/tenants')).body.items).toHaveLength(await tenantCount());
      expect((await client.post('/api/admin/programme-leads', { email: `${unique('x')}@example.org` })).status).toBe(
        403,
      );

      // The link is spent, and a programme lead cannot be invited again.
      expect((await anonymous.post('/api/invitations/preview', { token })).status).toBe(410);
      const again = await sysAdmin.post('/api/admin/programme-leads', { email });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ statusCode: 409, message: expect.stringContaining(email) });
    });

    it('leaves expired programme-lead invitations out of the list', async () => {
      const email = `${unique('expired-lead')}@example.org`;
      expect((await sysAdmin.post('/api/admin/programme-leads', { email })).status).toBe(201);
      const emails = async () =>
        ((await sysAdmin.get('/api/admin/programme-leads')).body as ProgrammeLeadList).items.map((item) => item.email);
      expect(await emails()).toContain(email);
      await fixtures.owner.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1`, [
        email,
      ]);
      expect(await emails()).not.toContain(email);
    });

    it('is for system admins only, and validates the address', async () => {
      const email = `${unique('not-invited')}@example.org`;
      const forbidden = await lead.post('/api/admin/programme-leads', { email });
      expect(forbidden.status).toBe(403);
      expect(forbidden.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect((await lead.get('/api/admin/programme-leads')).status).toBe(403);
      const tenant = await fixtures.tenant('pl-forbid');
      const lspAdmin = await signIn(await fixtures.member(tenant, 'admin', { mfa: true }));
      expect((await lspAdmin.post('/api/admin/programme-leads', { email })).status).toBe(403);
      expect((await lspAdmin.get('/api/admin/programme-leads')).status).toBe(403);
      expect(await fixtures.owner.query(`SELECT id FROM invitations WHERE email = $1`, [email])).toEqual([]);

      const invalid = await sysAdmin.post('/api/admin/programme-leads', { email: 'not an address' });
      expect(invalid.status).toBe(400);
      expect((invalid.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(['email']);
    });
  });
});
