import type {
  ApiErrorBody,
  CurrentUser,
  Invitation,
  InvitationPreview,
  MfaEnrolmentResult,
  MfaEnrolmentStart,
} from '@dspt/contracts';
import {
  ApiClient,
  type FixtureTenant,
  type FixtureUser,
  type Fixtures,
  recipients,
  type TestSmtpServer,
  totpCode,
} from '@dspt/server/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ParsedMail } from 'mailparser';
import { createHash, randomBytes } from 'node:crypto';
import { REFUSED_PREFIX, useTestApiWithMail } from '../testing/use-test-api';

const GOOD_PASSWORD = 'correct horse battery staple 2026';

function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.org`;
}

interface InvitationLink {
  url: URL;
  token: string;
  lsp: string | null;
}

function linkIn(mail: ParsedMail): InvitationLink {
  const match = /https:\/\/portal\.test\/invitations\/accept\?\S+/.exec(mail.text ?? '');
  if (!match) {
    throw new Error(`No invitation link in: ${mail.text}`);
  }
  const url = new URL(match[0]);
  return { url, token: url.searchParams.get('token') ?? '', lsp: url.searchParams.get('lsp') };
}

describe('LSP invitations', () => {
  const api = useTestApiWithMail();
  let smtp: TestSmtpServer;
  let app: NestExpressApplication;
  let fixtures: Fixtures;
  let tenant: FixtureTenant;
  let otherTenant: FixtureTenant;
  let adminUser: FixtureUser;
  let admin: ApiClient;

  beforeAll(async () => {
    ({ app, fixtures, smtp } = api);
    tenant = await fixtures.tenant('inv');
    otherTenant = await fixtures.tenant('other');
    adminUser = await fixtures.member(tenant, 'admin', { mfa: true });
    admin = await new ApiClient(app).signIn(adminUser.email, adminUser.password, adminUser.totpSecret);
  });

  function mailsTo(email: string): ParsedMail[] {
    return smtp.messages.filter((mail) => recipients(mail).includes(email));
  }

  /** Invites through the API as the LSP admin and returns the invitation and the link emailed for it. */
  async function invite(email: string, role: 'viewer' | 'adviser' | 'admin' = 'adviser', by = admin, lsp = tenant) {
    const before = mailsTo(email).length;
    const response = await by.post(`/api/tenants/${lsp.slug}/invitations`, { email, role });
    expect(response.status).toBe(201);
    const deadline = Date.now() + 5_000;
    while (mailsTo(email).length === before && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const mails = mailsTo(email);
    expect(mails).toHaveLength(before + 1);
    return {
      invitation: response.body as Invitation,
      mail: mails[mails.length - 1],
      link: linkIn(mails[mails.length - 1]),
    };
  }

  async function invitationRow(id: string) {
    const [row] = await fixtures.owner.query(`SELECT * FROM invitations WHERE id = $1`, [id]);
    return row;
  }

  async function auditRows(action: string, targetId: string) {
    return fixtures.owner.query(
      `SELECT tenant_id, actor_user_id, target_type, target_id, before, after FROM audit_events WHERE action = $1 AND target_id = $2`,
      [action, targetId],
    );
  }

  async function userCount(email: string): Promise<number> {
    const [row] = await fixtures.owner.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    return row.n;
  }

  async function preview(token: string, lsp: string | null) {
    return new ApiClient(app).post('/api/invitations/preview', lsp === null ? { token } : { token, lsp });
  }

  it('sends exactly one email with a single-use link, stores only the hash and audits the invitation', async () => {
    const email = uniqueEmail('someone');
    const before = smtp.messages.length;
    const response = await admin.post(`/api/tenants/${tenant.slug}/invitations`, {
      email: email.toUpperCase(),
      role: 'adviser',
    });

    expect(response.status).toBe(201);
    const invitation = response.body as Invitation;
    expect(invitation).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      email,
      role: 'adviser',
      invitedBy: adminUser.id,
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      acceptedAt: null,
      revokedAt: null,
    });
    const validFor = Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt);
    expect(Math.abs(validFor - 7 * 86_400_000)).toBeLessThan(60_000);

    await smtp.waitForMessages(before + 1);
    await new Promise((resolve) => setTimeout(resolve, 200)); // a second email would have arrived by now
    const arrived = smtp.messages.slice(before);
    expect(arrived).toHaveLength(1);
    const [mail] = arrived;
    expect(recipients(mail)).toEqual([email]);
    expect(mail.subject).toContain(tenant.name);
    expect(mail.text).toContain('adviser');

    const link = linkIn(mail);
    expect(link.url.origin + link.url.pathname).toBe('https://portal.test/invitations/accept');
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(link.url.toString()).toBe(`https://portal.test/invitations/accept?token=${link.token}&lsp=${tenant.slug}`);
    expect(mail.html || '').toContain(`lsp=${tenant.slug}`);

    // Only a hash is stored: the token text is in no column of any invitation row.
    const row = await invitationRow(invitation.id);
    expect(row).toMatchObject({
      tenant_id: tenant.id,
      email,
      role: 'adviser',
      invited_by: adminUser.id,
      accepted_at: null,
      revoked_at: null,
    });
    expect(row.token_hash).toBe(createHash('sha256').update(link.token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(link.token);
    const [found] = await fixtures.owner.query(
      `SELECT count(*)::int AS n FROM invitations i WHERE i::text LIKE '%' || $1 || '%'`,
      [link.token],
    );
    expect(found.n).toBe(0);

    const audit = await auditRows('invitation.created', invitation.id);
    expect(audit).toEqual([
      expect.objectContaining({
        tenant_id: tenant.id,
        actor_user_id: adminUser.id,
        target_type: 'invitation',
        after: { email, role: 'adviser' },
      }),
    ]);
  });

  it('previews a link; a wrong token or another LSP in the link finds nothing', async () => {
    const email = uniqueEmail('preview');
    const { invitation, link } = await invite(email, 'adviser');

    const ok = await preview(link.token, tenant.slug);
    expect(ok.status).toBe(200);
    expect(ok.body as InvitationPreview).toEqual({
      email,
      tenantName: tenant.name,
      role: 'adviser',
      expiresAt: invitation.expiresAt,
    });

    const wrong = await preview(randomBytes(32).toString('base64url'), tenant.slug);
    expect(wrong.status).toBe(404);
    expect(wrong.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: expect.any(String) });

    // The right token under another LSP's slug: the lookup runs inside that LSP, so row-level security hides it.
    const otherLsp = await preview(link.token, otherTenant.slug);
    expect(otherLsp.status).toBe(404);
    expect(otherLsp.body).toMatchObject({ statusCode: 404 });
    const otherLspAccept = await new ApiClient(app).post('/api/invitations/accept', {
      token: link.token,
      lsp: otherTenant.slug,
      displayName: 'Wrong Place',
      password: GOOD_PASSWORD,
    });
    expect(otherLspAccept.status).toBe(404);
    expect(await userCount(email)).toBe(0);

    const unknownLsp = await preview(link.token, 'no-such-lsp');
    expect(unknownLsp.status).toBe(404);
    // Without the LSP the token is looked up outside every tenant, where LSP invitations are invisible.
    const noLsp = await preview(link.token, null);
    expect(noLsp.status).toBe(404);
  });

  it('accepts: refuses a weak password, then creates the account, requires MFA enrolment and is single-use', async () => {
    const email = uniqueEmail('newcomer');
    const { invitation, link } = await invite(email, 'adviser');
    const invitee = new ApiClient(app);

    const weak = await invitee.post('/api/invitations/accept', {
      token: link.token,
      lsp: link.lsp,
      displayName: 'Sam Jones',
      password: 'password1234',
    });
    expect(weak.status).toBe(400);
    expect((weak.body as ApiErrorBody).details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'password' })]),
    );
    expect(await userCount(email)).toBe(0);
    expect((await invitationRow(invitation.id)).accepted_at).toBeNull();

    const accepted = await invitee.post('/api/invitations/accept', {
      token: link.token,
      lsp: link.lsp,
      displayName: ' Sam Jones ',
      password: GOOD_PASSWORD,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ mfaRequired: false, mfaEnrolmentRequired: true });

    const [user] = await fixtures.owner.query(
      `SELECT id, display_name, global_role, mfa_enrolled_at FROM users WHERE email = $1`,
      [email],
    );
    expect(user).toMatchObject({ display_name: 'Sam Jones', global_role: null, mfa_enrolled_at: null });
    expect(
      await fixtures.owner.query(`SELECT role FROM memberships WHERE user_id = $1 AND tenant_id = $2`, [
        user.id,
        tenant.id,
      ]),
    ).toEqual([{ role: 'adviser' }]);
    expect((await invitationRow(invitation.id)).accepted_at).not.toBeNull();

    // Not signed in until MFA is set up.
    expect((await invitee.get('/api/auth/me')).status).toBe(401);
    expect((await invitee.get(`/api/tenants/${tenant.slug}/users`)).status).toBe(401);

    const start = await invitee.post('/api/auth/mfa/enrolment');
    expect(start.status).toBe(200);
    const enrolment = start.body as MfaEnrolmentStart;
    expect(enrolment).toEqual({
      secret: expect.stringMatching(/^[A-Z2-7]+=*$/),
      otpauthUri: expect.stringMatching(/^otpauth:\/\/totp\//),
      qrCodeDataUrl: expect.stringMatching(/^data:image\//),
    });
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);

    const confirm = await invitee.post('/api/auth/mfa/enrolment/confirm', { code: await totpCode(enrolment.secret) });
    expect(confirm.status).toBe(200);
    const result = confirm.body as MfaEnrolmentResult;
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    expect(result.me.user).toEqual({ id: user.id, email, displayName: 'Sam Jones', mfaEnrolled: true });
    expect(result.me.memberships).toEqual([
      { tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, region: 'London' }, role: 'adviser' },
    ]);
    expect(result.me.roles).toEqual([]);

    const me = await invitee.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect((me.body as CurrentUser).memberships[0]).toMatchObject({ tenant: { slug: tenant.slug }, role: 'adviser' });
    const [enrolled] = await fixtures.owner.query(`SELECT mfa_enrolled_at FROM users WHERE id = $1`, [user.id]);
    expect(enrolled.mfa_enrolled_at).not.toBeNull();

    // The link works once.
    const again = await new ApiClient(app).post('/api/invitations/accept', {
      token: link.token,
      lsp: link.lsp,
      displayName: 'Sam Again',
      password: GOOD_PASSWORD,
    });
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({
      statusCode: 410,
      error: 'Gone',
      message: expect.stringMatching(/already been used/),
    });
    expect((await preview(link.token, link.lsp)).status).toBe(410);
    expect(await userCount(email)).toBe(1);

    const audit = await auditRows('invitation.accepted', invitation.id);
    expect(audit).toEqual([
      expect.objectContaining({
        tenant_id: tenant.id,
        actor_user_id: user.id,
        after: { userId: user.id, role: 'adviser' },
      }),
    ]);
  });

  it('accepts a link once even when it is used several times at the same moment', async () => {
    const email = uniqueEmail('double-click');
    const { invitation, link } = await invite(email, 'viewer');
    const body = { token: link.token, lsp: link.lsp, displayName: 'Quick Clicker', password: GOOD_PASSWORD };
    const responses = await Promise.all([1, 2, 3].map(() => new ApiClient(app).post('/api/invitations/accept', body)));
    expect(responses.map((response) => response.status).sort()).toEqual([200, 410, 410]);
    expect(await userCount(email)).toBe(1);
    expect(await auditRows('invitation.accepted', invitation.id)).toHaveLength(1);
  });

  it('answers 410 on preview and accept once an invitation has expired', async () => {
    const email = uniqueEmail('late');
    const { invitation, link } = await invite(email, 'viewer');
    await fixtures.owner.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      invitation.id,
    ]);

    const previewed = await preview(link.token, link.lsp);
    expect(previewed.status).toBe(410);
    expect(previewed.body).toMatchObject({ statusCode: 410, message: expect.stringMatching(/expired/) });
    const accepted = await new ApiClient(app).post('/api/invitations/accept', {
      token: link.token,
      lsp: link.lsp,
      displayName: 'Too Late',
      password: GOOD_PASSWORD,
    });
    expect(accepted.status).toBe(410);
    expect(await userCount(email)).toBe(0);
    expect((await invitationRow(invitation.id)).accepted_at).toBeNull();
  });

  it('refuses to invite an existing member (409); re-inviting a pending address withdraws the older link', async () => {
    const member = await fixtures.member(tenant, 'viewer');
    const mailsBefore = smtp.messages.length;
    const conflict = await admin.post(`/api/tenants/${tenant.slug}/invitations`, {
      email: member.email,
      role: 'adviser',
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({
      statusCode: 409,
      error: 'Conflict',
      message: expect.stringContaining(member.email),
    });
    expect(await fixtures.owner.query(`SELECT id FROM invitations WHERE email = $1`, [member.email])).toEqual([]);
    expect(smtp.messages.length).toBe(mailsBefore);

    const email = uniqueEmail('twice');
    const first = await invite(email, 'viewer');
    const second = await invite(email, 'adviser');
    expect(second.invitation.id).not.toBe(first.invitation.id);

    expect((await preview(first.link.token, first.link.lsp)).status).toBe(410);
    const firstAccept = await new ApiClient(app).post('/api/invitations/accept', {
      token: first.link.token,
      lsp: first.link.lsp,
      displayName: 'Old Link',
      password: GOOD_PASSWORD,
    });
    expect(firstAccept.status).toBe(410);
    const current = await preview(second.link.token, second.link.lsp);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ email, role: 'adviser' });

    expect((await invitationRow(first.invitation.id)).revoked_at).not.toBeNull();
    expect((await invitationRow(second.invitation.id)).revoked_at).toBeNull();
  });

  it('revokes a pending invitation: 204, the link is then gone, and it is audited', async () => {
    const email = uniqueEmail('withdrawn');
    const { invitation, link } = await invite(email, 'viewer');

    const listed = await admin.get(`/api/tenants/${tenant.slug}/invitations`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: invitation.id, email, revokedAt: null })]),
    );

    const revoked = await admin.delete(`/api/tenants/${tenant.slug}/invitations/${invitation.id}`);
    expect(revoked.status).toBe(204);
    expect(revoked.text).toBe('');
    expect((await invitationRow(invitation.id)).revoked_at).not.toBeNull();

    expect((await preview(link.token, link.lsp)).status).toBe(410);
    const accepted = await new ApiClient(app).post('/api/invitations/accept', {
      token: link.token,
      lsp: link.lsp,
      displayName: 'Withdrawn',
      password: GOOD_PASSWORD,
    });
    expect(accepted.status).toBe(410);
    expect(await userCount(email)).toBe(0);

    const audit = await auditRows('invitation.revoked', invitation.id);
    expect(audit).toEqual([
      expect.objectContaining({ tenant_id: tenant.id, actor_user_id: adminUser.id, before: { email } }),
    ]);

    const twice = await admin.delete(`/api/tenants/${tenant.slug}/invitations/${invitation.id}`);
    expect(twice.status).toBe(409);
  });

  it("cannot list or revoke another LSP's invitations", async () => {
    const otherAdminUser = await fixtures.member(otherTenant, 'admin', { mfa: true });
    const otherAdmin = await new ApiClient(app).signIn(
      otherAdminUser.email,
      otherAdminUser.password,
      otherAdminUser.totpSecret,
    );
    const { invitation } = await invite(uniqueEmail('theirs'), 'viewer', otherAdmin, otherTenant);

    // Through our own LSP's URL the other LSP's invitation does not exist.
    const revoke = await admin.delete(`/api/tenants/${tenant.slug}/invitations/${invitation.id}`);
    expect(revoke.status).toBe(404);
    expect((await invitationRow(invitation.id)).revoked_at).toBeNull();
    const list = await admin.get(`/api/tenants/${tenant.slug}/invitations`);
    expect(list.body.items.map((item: Invitation) => item.id)).not.toContain(invitation.id);
    // And their URL is closed to us.
    expect((await admin.delete(`/api/tenants/${otherTenant.slug}/invitations/${invitation.id}`)).status).toBe(403);
    expect((await admin.get(`/api/tenants/${otherTenant.slug}/invitations`)).status).toBe(403);
  });

  it('keeps nothing when the email cannot be sent (503)', async () => {
    const email = uniqueEmail(`${REFUSED_PREFIX}mailbox`);
    const mailsBefore = smtp.messages.length;
    const response = await admin.post(`/api/tenants/${tenant.slug}/invitations`, { email, role: 'viewer' });

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      message: expect.stringMatching(/could not be sent/),
    });
    expect(smtp.messages.length).toBe(mailsBefore);
    expect(await fixtures.owner.query(`SELECT id FROM invitations WHERE email = $1`, [email])).toEqual([]);
    expect(
      await fixtures.owner.query(
        `SELECT id FROM audit_events WHERE action = 'invitation.created' AND after->>'email' = $1`,
        [email],
      ),
    ).toEqual([]);

    // A refused re-invitation does not withdraw the pending one either.
    const pendingEmail = uniqueEmail('pending');
    const pending = await invite(pendingEmail, 'viewer');
    await fixtures.owner.query(`UPDATE invitations SET email = $1 WHERE id = $2`, [email, pending.invitation.id]);
    const refusedAgain = await admin.post(`/api/tenants/${tenant.slug}/invitations`, { email, role: 'adviser' });
    expect(refusedAgain.status).toBe(503);
    expect((await invitationRow(pending.invitation.id)).revoked_at).toBeNull();
    expect((await preview(pending.link.token, pending.link.lsp)).status).toBe(200);
  });

  it('lets an existing user of another LSP join with their current password, and lists both LSPs', async () => {
    const existing = await fixtures.member(otherTenant, 'adviser', { mfa: true });
    const { invitation, link } = await invite(existing.email, 'viewer');
    const client = new ApiClient(app);

    const wrong = await client.post('/api/invitations/accept', {
      token: link.token,
      lsp: link.lsp,
      displayName: 'Ignored',
      password: 'not the current password 2026',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ statusCode: 401, message: expect.stringMatching(/current password/) });
    expect(
      await fixtures.owner.query(`SELECT role FROM memberships WHERE user_id = $1 AND tenant_id = $2`, [
        existing.id,
        tenant.id,
      ]),
    ).toEqual([]);
    expect((await invitationRow(invitation.id)).accepted_at).toBeNull();

    const right = await client.post('/api/invitations/accept', {
      token: link.token,
      lsp: link.lsp,
      displayName: 'Ignored',
      password: existing.password,
    });
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ mfaRequired: true });
    expect((await client.get('/api/auth/me')).status).toBe(401);

    const mfa = await client.post('/api/auth/mfa', { code: await totpCode(existing.totpSecret ?? '') });
    expect(mfa.status).toBe(200);

    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    const current = me.body as CurrentUser;
    expect(current.user).toMatchObject({ id: existing.id, email: existing.email, displayName: 'Test adviser' });
    expect(current.memberships).toHaveLength(2);
    expect(current.memberships).toEqual(
      expect.arrayContaining([
        { tenant: expect.objectContaining({ id: tenant.id, slug: tenant.slug }), role: 'viewer' },
        { tenant: expect.objectContaining({ id: otherTenant.id, slug: otherTenant.slug }), role: 'adviser' },
      ]),
    );
    const tenants = await client.get('/api/tenants');
    expect(tenants.status).toBe(200);
    expect(tenants.body.items.map((item: { slug: string }) => item.slug).sort()).toEqual(
      [tenant.slug, otherTenant.slug].sort(),
    );

    expect(
      await fixtures.owner.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [existing.email]),
    ).toEqual([{ n: 1 }]);
    expect(await auditRows('invitation.accepted', invitation.id)).toEqual([
      expect.objectContaining({ tenant_id: tenant.id, actor_user_id: existing.id }),
    ]);
  });

  it('is managed by LSP admins only', async () => {
    const adviserUser = await fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await new ApiClient(app).signIn(adviserUser.email, adviserUser.password, adviserUser.totpSecret);
    const email = uniqueEmail('by-adviser');
    const response = await adviser.post(`/api/tenants/${tenant.slug}/invitations`, { email, role: 'viewer' });
    expect(response.status).toBe(403);
    expect(await fixtures.owner.query(`SELECT id FROM invitations WHERE email = $1`, [email])).toEqual([]);
    expect(
      (await new ApiClient(app).post(`/api/tenants/${tenant.slug}/invitations`, { email, role: 'viewer' })).status,
    ).toBe(401);

    const invalid = await admin.post(`/api/tenants/${tenant.slug}/invitations`, {
      email: 'not-an-address',
      role: 'owner',
    });
    expect(invalid.status).toBe(400);
    expect((invalid.body as ApiErrorBody).details?.map((detail) => detail.field).sort()).toEqual(['email', 'role']);
  });
});
