import type { ApiErrorBody, TransferRequestView } from '@dspt/contracts';
import {
  ApiClient,
  type FixtureTenant,
  type FixtureUser,
  recipients,
  type RunningProcess,
  startWorkerProcess,
} from '@dspt/server/testing';
import { TEST_PUBLIC_URL, useTestApiWithMail } from '../testing/use-test-api';

describe('emails about transfer requests', () => {
  const api = useTestApiWithMail();
  let worker: RunningProcess;
  let a: FixtureTenant;
  let b: FixtureTenant;
  let aAdminUser: FixtureUser;
  let bAdminUsers: FixtureUser[];
  let aAdmin: ApiClient;
  let sysadmin: ApiClient;

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);

  beforeAll(async () => {
    worker = await startWorkerProcess(api.env);
    [a, b] = [await api.fixtures.tenant('asks'), await api.fixtures.tenant('takes')];
    aAdminUser = await api.fixtures.member(a, 'admin', { mfa: true });
    bAdminUsers = [await api.fixtures.member(b, 'admin'), await api.fixtures.member(b, 'admin')];
    // Members who are not admins, and the admins of another LSP, hear nothing.
    await api.fixtures.member(b, 'adviser');
    await api.fixtures.member(await api.fixtures.tenant('other'), 'admin');
    aAdmin = await signIn(aAdminUser);
    sysadmin = await signIn(await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true }));
  }, 120_000);

  afterAll(async () => {
    await worker?.stop();
  });

  /** A provider in A with a contact, and that contact's name and address. */
  async function providerWithContact() {
    const { providerId } = await api.fixtures.caseloadRows(a);
    const [provider] = await api.fixtures.owner.query(
      `SELECT p.name, p.ods_code, c.name AS contact_name, c.email AS contact_email
       FROM providers p JOIN provider_contacts c ON c.provider_id = p.id WHERE p.id = $1`,
      [providerId],
    );
    return {
      providerId,
      ...(provider as { name: string; ods_code: string; contact_name: string; contact_email: string }),
    };
  }

  it("emails the receiving LSP's admins when asked, and the asking LSP's admins when answered", async () => {
    const provider = await providerWithContact();
    const note = 'Moved to Leeds; the manager Pat asked us to pass it on';
    const before = api.smtp.messages.length;
    const created = await aAdmin.post(`/api/tenants/${a.slug}/providers/${provider.providerId}/transfer-requests`, {
      toTenantSlug: b.slug,
      note,
    });
    expect(created.status).toBe(201);
    const request = created.body as TransferRequestView;

    const asked = (await api.smtp.waitForMessages(before + 2, 30_000)).slice(before);
    expect(asked.flatMap(recipients).sort()).toEqual(bAdminUsers.map((user) => user.email.toLowerCase()).sort());
    for (const mail of asked) {
      expect(mail.subject).toBe(`${a.name} offers ${provider.name} to ${b.name}`);
      expect(mail.text).toContain(`${provider.name} (ODS code ${provider.ods_code})`);
      expect(mail.text).toContain(`${TEST_PUBLIC_URL}/lsp/${b.slug}/transfers`);
      // Nothing of the provider's contacts, nor the free-text note, leaves the portal.
      for (const secret of [provider.contact_name, provider.contact_email, note]) {
        expect(`${mail.subject} ${mail.text} ${mail.html || ''}`).not.toContain(secret);
      }
    }

    // A system admin declines for B: a reason is required, then A's admin hears of it.
    const noReason = await sysadmin.post(`/api/transfer-requests/${request.id}/decline`, { version: 1, reason: ' ' });
    expect(noReason.status).toBe(400);
    expect((noReason.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(['reason']);
    const reason = 'Leeds is outside our area';
    const declined = await sysadmin.post(`/api/transfer-requests/${request.id}/decline`, { version: 1, reason });
    expect(declined.status).toBe(200);

    const [answered] = (await api.smtp.waitForMessages(before + 3, 30_000)).slice(before + 2);
    expect(recipients(answered)).toEqual([aAdminUser.email.toLowerCase()]);
    expect(answered.subject).toBe(`${b.name} declined ${provider.name}`);
    expect(answered.text).toContain(`${TEST_PUBLIC_URL}/lsp/${a.slug}/transfers`);
    for (const secret of [provider.contact_name, provider.contact_email, reason]) {
      expect(answered.text).not.toContain(secret);
    }
  }, 90_000);

  it('sends nothing for a cancelled request, and only admins of an LSP may ask', async () => {
    const provider = await providerWithContact();
    const adviser = await signIn(await api.fixtures.member(a, 'adviser', { mfa: true }));
    const path = `/api/tenants/${a.slug}/providers/${provider.providerId}/transfer-requests`;
    expect((await adviser.post(path, { toTenantSlug: b.slug, note: 'Moved' })).status).toBe(403);

    const before = api.smtp.messages.length;
    const created = await aAdmin.post(path, { toTenantSlug: b.slug, note: 'Moved' });
    const id = (created.body as TransferRequestView).id;
    await api.smtp.waitForMessages(before + 2, 30_000);
    const cancelled = await aAdmin.post(`/api/tenants/${a.slug}/transfer-requests/${id}/cancel`, { version: 1 });
    expect(cancelled.status).toBe(200);

    // A cancel emails nobody: the next emails are those of the next request.
    const other = await providerWithContact();
    await aAdmin.post(`/api/tenants/${a.slug}/providers/${other.providerId}/transfer-requests`, {
      toTenantSlug: b.slug,
      note: 'Moved too',
    });
    const next = (await api.smtp.waitForMessages(before + 4, 30_000)).slice(before + 2);
    expect(next.map((mail) => mail.subject)).toEqual([
      `${a.name} offers ${other.name} to ${b.name}`,
      `${a.name} offers ${other.name} to ${b.name}`,
    ]);
  }, 90_000);
});
