import { ApiClient, type Fixtures, type FixtureUser } from '@dspt/server/testing';
import { useTestApi } from '../testing/use-test-api';

/** An LSP admin manages memberships of their own LSP, never a person's account in other LSPs. */
describe("an LSP admin's reach over people who belong to other LSPs too", () => {
  const api = useTestApi();
  let app: typeof api.app;
  let fixtures: Fixtures;
  beforeAll(() => ({ app, fixtures } = api));

  const signIn = (user: FixtureUser) => new ApiClient(app).signIn(user.email, user.password, user.totpSecret);

  async function twoLsps() {
    const [home, other] = [await fixtures.tenant('home'), await fixtures.tenant('other')];
    const adminUser = await fixtures.member(home, 'admin', { mfa: true });
    const shared = await fixtures.member(home, 'adviser', { mfa: true });
    await fixtures.owner.query(`INSERT INTO memberships (tenant_id, user_id, role) VALUES ($1, $2, 'adviser')`, [
      other.id,
      shared.id,
    ]);
    return { home, other, admin: await signIn(adminUser), shared };
  }

  it('refuses to reset the MFA of someone who is also in another LSP, saying a system admin must', async () => {
    const { home, admin, shared } = await twoLsps();
    const refused = await admin.post(`/api/tenants/${home.slug}/users/${shared.id}/mfa-reset`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'This person is also a member of another LSP, and their MFA covers all of them: ask a system admin to reset it',
    );
    const [row] = await fixtures.owner.query(`SELECT mfa_enrolled_at FROM users WHERE id = $1`, [shared.id]);
    expect(row.mfa_enrolled_at).not.toBeNull();

    // Someone whose only LSP is this one is still the admin's to reset.
    const local = await fixtures.member(home, 'viewer', { mfa: true });
    expect((await admin.post(`/api/tenants/${home.slug}/users/${local.id}/mfa-reset`)).status).toBe(200);
  });

  it("removes the membership only, leaving the person's sessions for their other LSPs", async () => {
    const { home, other, admin, shared } = await twoLsps();
    const session = await signIn(shared);
    expect((await session.get(`/api/tenants/${home.slug}/advisers`)).status).toBe(200);

    expect((await admin.delete(`/api/tenants/${home.slug}/users/${shared.id}`)).status).toBe(204);
    const me = await session.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.memberships.map((membership: { tenant: { slug: string } }) => membership.tenant.slug)).toEqual([
      other.slug,
    ]);
    expect((await session.get(`/api/tenants/${home.slug}/advisers`)).status).toBe(403);
    expect((await session.get(`/api/tenants/${other.slug}/advisers`)).status).toBe(200);

    // Removed from their only LSP, a person's sessions end, as before.
    const local = await fixtures.member(home, 'viewer', { mfa: true });
    const localSession = await signIn(local);
    expect((await admin.delete(`/api/tenants/${home.slug}/users/${local.id}`)).status).toBe(204);
    expect((await localSession.get('/api/auth/me')).status).toBe(401);
  });

  it('answers the question through a function only the app role may call, and only with a yes or no', async () => {
    const { home, other, shared } = await twoLsps();
    const [answer] = await fixtures.owner.query(
      `SELECT user_other_memberships_exist($1, $2) AS home, user_other_memberships_exist($1, $3) AS other,
              has_function_privilege('dspt_app', 'user_other_memberships_exist(uuid, uuid)', 'EXECUTE') AS app,
              has_function_privilege('public', 'user_other_memberships_exist(uuid, uuid)', 'EXECUTE') AS anyone`,
      [shared.id, home.id, other.id],
    );
    expect(answer).toEqual({ home: true, other: true, app: true, anyone: false });
    const [single] = await fixtures.owner.query(
      `SELECT user_other_memberships_exist(m.user_id, m.tenant_id) AS elsewhere FROM memberships m
      JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND u.display_name = 'Test admin'`,
      [home.id],
    );
    expect(single.elsewhere).toBe(false);
  });

  it('lets a system admin reset the MFA of someone in several LSPs, and nobody else', async () => {
    const { admin, shared } = await twoLsps();
    const session = await signIn(shared);
    expect((await admin.post('/api/admin/mfa-resets', { email: shared.email })).status).toBe(403);

    const systemAdminUser = await fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true });
    const systemAdmin = await signIn(systemAdminUser);
    const invalid = await systemAdmin.post('/api/admin/mfa-resets', { email: 'not an address' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details).toEqual([{ field: 'email', message: 'email must be an email address' }]);
    expect((await systemAdmin.post('/api/admin/mfa-resets', { email: `nobody-${shared.email}` })).status).toBe(404);
    expect((await systemAdmin.post('/api/admin/mfa-resets', { email: systemAdminUser.email })).status).toBe(409);

    const reset = await systemAdmin.post('/api/admin/mfa-resets', { email: shared.email.toUpperCase() });
    expect(reset.status).toBe(200);
    const [row] = await fixtures.owner.query(`SELECT mfa_enrolled_at FROM users WHERE id = $1`, [shared.id]);
    expect(row.mfa_enrolled_at).toBeNull();
    expect((await session.get('/api/auth/me')).status).toBe(401);
    const [audit] = await fixtures.owner.query(
      `SELECT tenant_id, actor_user_id FROM audit_events WHERE action = 'auth.mfa_reset' AND target_id = $1`,
      [shared.id],
    );
    expect(audit).toEqual({ tenant_id: null, actor_user_id: systemAdminUser.id });
  });
});
