import type { ApiErrorBody, AuditEventList, CurrentUser, TenantMember, TenantMemberList } from '@dspt/contracts';
import { ApiClient, type FixtureTenant, type FixtureUser, type Fixtures } from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import { useTestApi } from '../testing/use-test-api';

describe('LSP users (admin)', () => {
  const api = useTestApi();
  let app: NestExpressApplication;
  let fixtures: Fixtures;
  beforeAll(() => ({ app, fixtures } = api));

  function signIn(user: FixtureUser): Promise<ApiClient> {
    return new ApiClient(app).signIn(user.email, user.password, user.totpSecret);
  }

  /** A fresh LSP with one signed-in admin. */
  async function lspWithAdmin(label = 'lsp') {
    const tenant = await fixtures.tenant(label);
    const adminUser = await fixtures.member(tenant, 'admin', { mfa: true });
    return { tenant, adminUser, admin: await signIn(adminUser) };
  }

  async function roleIn(tenant: FixtureTenant, userId: string): Promise<string | null> {
    const rows = await fixtures.owner.query(`SELECT role FROM memberships WHERE tenant_id = $1 AND user_id = $2`, [
      tenant.id,
      userId,
    ]);
    return rows[0]?.role ?? null;
  }

  async function auditRows(tenant: FixtureTenant, action: string, targetId: string) {
    return fixtures.owner.query(
      `SELECT tenant_id, actor_user_id, target_type, target_id, before, after FROM audit_events
       WHERE tenant_id = $1 AND action = $2 AND target_id = $3`,
      [tenant.id, action, targetId],
    );
  }

  it("lists exactly the LSP's members, with role and MFA status", async () => {
    const { tenant, adminUser, admin } = await lspWithAdmin('list');
    const adviser = await fixtures.member(tenant, 'adviser', { mfa: true });
    const viewer = await fixtures.member(tenant, 'viewer');
    const other = await fixtures.tenant('elsewhere');
    const outsider = await fixtures.member(other, 'admin', { mfa: true });
    // The admin also belongs to the other LSP: that membership must not show up here.
    await fixtures.owner.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'viewer')`, [
      other.id,
      adminUser.id,
    ]);

    const response = await admin.get(`/api/tenants/${tenant.slug}/users`);
    expect(response.status).toBe(200);
    const { items } = response.body as TenantMemberList;
    expect(items).toHaveLength(3);
    const byId = new Map(items.map((item) => [item.userId, item]));
    expect(byId.get(adminUser.id)).toEqual({
      userId: adminUser.id,
      email: adminUser.email,
      displayName: 'Test admin',
      role: 'admin',
      mfaEnrolled: true,
      joinedAt: expect.any(String),
    });
    expect(byId.get(adviser.id)).toMatchObject({ email: adviser.email, role: 'adviser', mfaEnrolled: true });
    expect(byId.get(viewer.id)).toMatchObject({ email: viewer.email, role: 'viewer', mfaEnrolled: false });
    expect(byId.has(outsider.id)).toBe(false);
    expect(Number.isNaN(Date.parse(items[0].joinedAt))).toBe(false);

    const [count] = await fixtures.owner.query(`SELECT count(*)::int AS n FROM memberships WHERE tenant_id = $1`, [
      tenant.id,
    ]);
    expect(count.n).toBe(items.length);
  });

  it('lets anyone in the LSP list whom providers can be assigned to: its advisers and admins only', async () => {
    const { tenant, adminUser } = await lspWithAdmin('advisers');
    const adviserUser = await fixtures.member(tenant, 'adviser', { mfa: true });
    const viewerUser = await fixtures.member(tenant, 'viewer', { mfa: true });
    const other = await lspWithAdmin('advisers-other');
    const viewer = await signIn(viewerUser);
    const response = await viewer.get(`/api/tenants/${tenant.slug}/advisers`);
    expect(response.status).toBe(200);
    const ids = (response.body.items as Array<{ userId: string; role: string }>).map((item) => item.userId).sort();
    expect(ids).toEqual([adminUser.id, adviserUser.id].sort());
    expect(response.body.items[0]).toEqual({
      userId: expect.any(String),
      displayName: expect.any(String),
      role: expect.any(String),
    });
    expect(ids).not.toContain(other.adminUser.id);
    expect((await viewer.get(`/api/tenants/${other.tenant.slug}/advisers`)).status).toBe(403);
  });

  it('changes a role, audits it, and the new role applies to the very next request', async () => {
    const { tenant, adminUser, admin } = await lspWithAdmin('roles');
    const adviserUser = await fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await signIn(adviserUser);

    const response = await admin.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, { role: 'viewer' });
    expect(response.status).toBe(200);
    expect(response.body as TenantMember).toEqual({
      userId: adviserUser.id,
      email: adviserUser.email,
      displayName: 'Test adviser',
      role: 'viewer',
      mfaEnrolled: true,
      joinedAt: expect.any(String),
    });
    expect(await roleIn(tenant, adviserUser.id)).toBe('viewer');
    expect(await auditRows(tenant, 'membership.role_changed', adviserUser.id)).toEqual([
      {
        tenant_id: tenant.id,
        actor_user_id: adminUser.id,
        target_type: 'user',
        target_id: adviserUser.id,
        before: { role: 'adviser' },
        after: { role: 'viewer' },
      },
    ]);

    // The same session, now a viewer.
    const me = await adviser.get('/api/auth/me');
    expect((me.body as CurrentUser).memberships).toEqual([expect.objectContaining({ role: 'viewer' })]);
    const refused = await adviser.get(`/api/tenants/${tenant.slug}/users`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: expect.stringContaining('viewer'),
    });

    // Setting the role it already has changes nothing and records nothing.
    const same = await admin.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, { role: 'viewer' });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ role: 'viewer' });
    expect(await auditRows(tenant, 'membership.role_changed', adviserUser.id)).toHaveLength(1);

    // Promotion works the same way: the next request is allowed.
    expect((await admin.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, { role: 'admin' })).status).toBe(
      200,
    );
    expect((await adviser.get(`/api/tenants/${tenant.slug}/users`)).status).toBe(200);
    // And a demoted admin loses admin rights at once.
    expect((await admin.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, { role: 'viewer' })).status).toBe(
      200,
    );
    expect((await adviser.get(`/api/tenants/${tenant.slug}/users`)).status).toBe(403);
  });

  it('keeps at least one admin: the only admin cannot demote or remove themselves; with two it works', async () => {
    const { tenant, adminUser, admin } = await lspWithAdmin('sole');

    const demote = await admin.patch(`/api/tenants/${tenant.slug}/users/${adminUser.id}`, { role: 'adviser' });
    expect(demote.status).toBe(409);
    expect(demote.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringMatching(/only admin/),
    });
    const remove = await admin.delete(`/api/tenants/${tenant.slug}/users/${adminUser.id}`);
    expect(remove.status).toBe(409);
    expect(remove.body).toMatchObject({ statusCode: 409, message: expect.stringMatching(/only admin/) });
    expect(await roleIn(tenant, adminUser.id)).toBe('admin');
    expect(await auditRows(tenant, 'membership.role_changed', adminUser.id)).toEqual([]);
    expect(await auditRows(tenant, 'membership.removed', adminUser.id)).toEqual([]);
    // Another LSP's admins do not count.
    const other = await fixtures.tenant('sole-other');
    await fixtures.member(other, 'admin');
    expect((await admin.patch(`/api/tenants/${tenant.slug}/users/${adminUser.id}`, { role: 'viewer' })).status).toBe(
      409,
    );

    const secondUser = await fixtures.member(tenant, 'admin', { mfa: true });
    const thirdUser = await fixtures.member(tenant, 'admin', { mfa: true });
    const second = await signIn(secondUser);
    const third = await signIn(thirdUser);

    // Three admins: the first removes themselves.
    const removed = await admin.delete(`/api/tenants/${tenant.slug}/users/${adminUser.id}`);
    expect(removed.status).toBe(204);
    expect(await roleIn(tenant, adminUser.id)).toBeNull();
    expect((await admin.get('/api/auth/me')).status).toBe(401);

    // Two admins: the second steps down to adviser.
    const steppedDown = await second.patch(`/api/tenants/${tenant.slug}/users/${secondUser.id}`, { role: 'adviser' });
    expect(steppedDown.status).toBe(200);
    expect(steppedDown.body).toMatchObject({ userId: secondUser.id, role: 'adviser' });
    expect(await roleIn(tenant, secondUser.id)).toBe('adviser');
    expect((await second.get(`/api/tenants/${tenant.slug}/users`)).status).toBe(403);

    // One admin left again: refused.
    expect((await third.patch(`/api/tenants/${tenant.slug}/users/${thirdUser.id}`, { role: 'viewer' })).status).toBe(
      409,
    );
    expect((await third.delete(`/api/tenants/${tenant.slug}/users/${thirdUser.id}`)).status).toBe(409);
    expect(await roleIn(tenant, thirdUser.id)).toBe('admin');
  });

  it('keeps an admin when two admins step down at the same moment (one 409, never a 500)', async () => {
    // Before membership changes were serialised per LSP, about one run in four deadlocked here.
    for (let round = 0; round < 12; round++) {
      const tenant = await fixtures.tenant('race');
      const [firstUser, secondUser] = [
        await fixtures.member(tenant, 'admin', { mfa: true }),
        await fixtures.member(tenant, 'admin', { mfa: true }),
      ];
      const [first, second] = [await signIn(firstUser), await signIn(secondUser)];
      const responses = await Promise.all([
        round % 2
          ? first.delete(`/api/tenants/${tenant.slug}/users/${firstUser.id}`)
          : first.patch(`/api/tenants/${tenant.slug}/users/${firstUser.id}`, { role: 'viewer' }),
        second.patch(`/api/tenants/${tenant.slug}/users/${secondUser.id}`, { role: 'viewer' }),
      ]);
      const statuses = responses.map((response) => response.status);
      // Whichever came second is refused; never both, never a server error.
      const allowed = [
        [round % 2 ? 204 : 200, 409],
        [409, 200],
      ].map(String);
      expect({ round, statuses, allowed: allowed.includes(String(statuses)) }).toEqual({
        round,
        statuses,
        allowed: true,
      });
      expect(responses.find((response) => response.status === 409)?.body).toMatchObject({
        message: expect.stringMatching(/only admin/),
      });
      const admins = await fixtures.owner.query(
        `SELECT user_id FROM memberships WHERE tenant_id = $1 AND role = 'admin'`,
        [tenant.id],
      );
      expect(admins).toHaveLength(1);
    }
  });

  it("removes a member: 204, their sessions end, it is audited; another LSP's user is not found", async () => {
    const { tenant, adminUser, admin } = await lspWithAdmin('remove');
    const adviserUser = await fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await signIn(adviserUser);
    expect((await adviser.get('/api/auth/me')).status).toBe(200);

    const response = await admin.delete(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`);
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(await roleIn(tenant, adviserUser.id)).toBeNull();
    // The account itself stays (it may belong to other LSPs); only the membership goes.
    expect(await fixtures.owner.query(`SELECT id FROM users WHERE id = $1`, [adviserUser.id])).toEqual([
      { id: adviserUser.id },
    ]);

    const me = await adviser.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body).toMatchObject({ statusCode: 401 });
    expect(await auditRows(tenant, 'membership.removed', adviserUser.id)).toEqual([
      {
        tenant_id: tenant.id,
        actor_user_id: adminUser.id,
        target_type: 'user',
        target_id: adviserUser.id,
        before: { role: 'adviser' },
        after: null,
      },
    ]);
    const list = (await admin.get(`/api/tenants/${tenant.slug}/users`)).body as TenantMemberList;
    expect(list.items.map((item) => item.userId)).toEqual([adminUser.id]);

    // Already gone, unknown, or in another LSP: 404 and nothing changes anywhere.
    expect((await admin.delete(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`)).status).toBe(404);
    expect((await admin.delete(`/api/tenants/${tenant.slug}/users/${randomUUID()}`)).status).toBe(404);
    const other = await fixtures.tenant('remove-other');
    const outsider = await fixtures.member(other, 'adviser');
    const crossRemove = await admin.delete(`/api/tenants/${tenant.slug}/users/${outsider.id}`);
    expect(crossRemove.status).toBe(404);
    expect(crossRemove.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const crossPatch = await admin.patch(`/api/tenants/${tenant.slug}/users/${outsider.id}`, { role: 'admin' });
    expect(crossPatch.status).toBe(404);
    expect(await roleIn(other, outsider.id)).toBe('adviser');
  });

  it('is closed to advisers, viewers and admins of other LSPs', async () => {
    const { tenant, adminUser } = await lspWithAdmin('closed');
    const adviserUser = await fixtures.member(tenant, 'adviser', { mfa: true });
    const viewerUser = await fixtures.member(tenant, 'viewer', { mfa: true });
    const other = await lspWithAdmin('closed-other');
    const invitationId = await fixtures.invitation(tenant, `pending-${randomUUID().slice(0, 8)}@example.org`);
    const routes: Array<[string, string, object?]> = [
      ['GET', `/api/tenants/${tenant.slug}/users`],
      ['PATCH', `/api/tenants/${tenant.slug}/users/${adminUser.id}`, { role: 'viewer' }],
      ['DELETE', `/api/tenants/${tenant.slug}/users/${adminUser.id}`],
      ['GET', `/api/tenants/${tenant.slug}/invitations`],
      ['POST', `/api/tenants/${tenant.slug}/invitations`, { email: 'someone@example.org', role: 'admin' }],
      ['DELETE', `/api/tenants/${tenant.slug}/invitations/${invitationId}`],
      ['GET', `/api/tenants/${tenant.slug}/audit-events`],
    ];
    for (const [label, client] of [
      ['adviser', await signIn(adviserUser)],
      ['viewer', await signIn(viewerUser)],
      ['other LSP admin', other.admin],
    ] as const) {
      for (const [method, path, body] of routes) {
        const response = await client.send(method, path, body);
        expect({ label, method, path, status: response.status }).toEqual({ label, method, path, status: 403 });
        expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      }
    }
    for (const [method, path, body] of routes) {
      // A fresh client each time: ApiClient reads the XSRF cookie only from a response that sets it.
      const anonymous = await new ApiClient(app).send(method, path, body);
      expect({ method, path, status: anonymous.status }).toEqual({ method, path, status: 401 });
    }
    expect(await roleIn(tenant, adminUser.id)).toBe('admin');
    const [invitation] = await fixtures.owner.query(`SELECT revoked_at FROM invitations WHERE id = $1`, [invitationId]);
    expect(invitation.revoked_at).toBeNull();
    expect(await fixtures.owner.query(`SELECT id FROM invitations WHERE email = 'someone@example.org'`)).toEqual([]);
  });

  it('validates the role and the user id', async () => {
    const { tenant, admin } = await lspWithAdmin('valid');
    const adviserUser = await fixtures.member(tenant, 'adviser');

    const owner = await admin.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, { role: 'owner' });
    expect(owner.status).toBe(400);
    expect(owner.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect((owner.body as ApiErrorBody).details).toEqual([
      { field: 'role', message: 'role must be one of: viewer, adviser, admin' },
    ]);

    const missing = await admin.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, {});
    expect(missing.status).toBe(400);
    expect((missing.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(['role']);

    const extra = await admin.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, {
      role: 'viewer',
      tenantId: randomUUID(),
    });
    expect(extra.status).toBe(400);
    expect((extra.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(['tenantId']);

    for (const [request, field] of [
      [admin.patch(`/api/tenants/${tenant.slug}/users/not-a-uuid`, { role: 'viewer' }), 'userId'],
      [admin.delete(`/api/tenants/${tenant.slug}/users/not-a-uuid`), 'userId'],
      [admin.delete(`/api/tenants/${tenant.slug}/invitations/not-a-uuid`), 'invitationId'],
    ] as const) {
      const response = await request;
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: `${field} must be a UUID`,
      });
      expect((response.body as ApiErrorBody).details).toEqual([{ field, message: `${field} must be a UUID` }]);
    }
    expect(await roleIn(tenant, adviserUser.id)).toBe('adviser');
  });

  it("resets a member's lost authenticator: MFA off, sessions ended, set up again at next sign-in, audited", async () => {
    const { tenant, adminUser, admin } = await lspWithAdmin('mfa-reset');
    const adviserUser = await fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await signIn(adviserUser);

    const reset = await admin.post(`/api/tenants/${tenant.slug}/users/${adviserUser.id}/mfa-reset`);
    expect(reset.status).toBe(200);
    expect((reset.body as TenantMember).mfaEnrolled).toBe(false);
    expect((await adviser.get('/api/auth/me')).status).toBe(401);
    const again = await new ApiClient(app).post('/api/auth/login', {
      email: adviserUser.email,
      password: adviserUser.password,
    });
    expect(again.body).toEqual({ mfaRequired: false, mfaEnrolmentRequired: true });
    expect(await auditRows(tenant, 'auth.mfa_reset', adviserUser.id)).toHaveLength(1);

    const twice = await admin.post(`/api/tenants/${tenant.slug}/users/${adviserUser.id}/mfa-reset`);
    expect(twice.status).toBe(409);
    const self = await admin.post(`/api/tenants/${tenant.slug}/users/${adminUser.id}/mfa-reset`);
    expect(self.status).toBe(409);
    expect(self.body.message).toMatch(/own two-factor authentication/);
    const [own] = await fixtures.owner.query(`SELECT mfa_enrolled_at FROM users WHERE id = $1`, [adminUser.id]);
    expect(own.mfa_enrolled_at).not.toBeNull();
  });

  it("lists the LSP's own audit events only", async () => {
    const { tenant, adminUser, admin } = await lspWithAdmin('audit');
    const adviserUser = await fixtures.member(tenant, 'adviser');
    const other = await lspWithAdmin('audit-other');
    const otherAdviser = await fixtures.member(other.tenant, 'adviser');

    expect((await admin.patch(`/api/tenants/${tenant.slug}/users/${adviserUser.id}`, { role: 'viewer' })).status).toBe(
      200,
    );
    expect(
      (await other.admin.patch(`/api/tenants/${other.tenant.slug}/users/${otherAdviser.id}`, { role: 'viewer' }))
        .status,
    ).toBe(200);

    const response = await admin.get(`/api/tenants/${tenant.slug}/audit-events`);
    expect(response.status).toBe(200);
    const { items } = response.body as AuditEventList;
    expect(items).toEqual([
      {
        id: expect.any(String),
        occurredAt: expect.any(String),
        action: 'membership.role_changed',
        actorEmail: adminUser.email,
        targetType: 'user',
        targetId: adviserUser.id,
        before: { role: 'adviser' },
        after: { role: 'viewer' },
        ip: expect.stringMatching(/^(127\.0\.0\.1|::1)$/),
      },
    ]);
    const ours: Array<{ id: string }> = await fixtures.owner.query(`SELECT id FROM audit_events WHERE tenant_id = $1`, [
      tenant.id,
    ]);
    expect(items.map((item) => item.id)).toEqual(ours.map((row) => row.id));
    const theirs: Array<{ id: string }> = await fixtures.owner.query(
      `SELECT id FROM audit_events WHERE tenant_id = $1`,
      [other.tenant.id],
    );
    expect(theirs).toHaveLength(1);
    expect(items.map((item) => item.id)).not.toContain(theirs[0].id);
    // Events outside any LSP (sign-ins) are not in an LSP's trail either.
    expect(items.some((item) => item.action.startsWith('auth.'))).toBe(false);
  });
});
