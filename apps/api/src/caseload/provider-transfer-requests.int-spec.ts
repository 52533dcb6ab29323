import type {
  ApiErrorBody,
  CaseNoteList,
  ProviderDetail,
  TransferRequestList,
  TransferRequestView,
} from '@dspt/contracts';
import { ScopedDatabase } from '@dspt/server/data';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { randomHqCode } from '../testing/provider-sheets';
import { useTestApi } from '../testing/use-test-api';

describe('moving a provider between LSPs as a request and an answer', () => {
  const api = useTestApi();
  let a: FixtureTenant;
  let b: FixtureTenant;
  let c: FixtureTenant;
  let aAdmin: ApiClient;
  let aAdminUser: FixtureUser;
  let bAdmin: ApiClient;
  let bAdminUser: FixtureUser;
  let cAdmin: ApiClient;
  let aAdviser: ApiClient;
  let bAdviser: ApiClient;
  let sysadmin: ApiClient;

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
  const offer = (providerId: string, body: object, client = aAdmin, tenant = a) =>
    client.post(`/api/tenants/${tenant.slug}/providers/${providerId}/transfer-requests`, body);
  const answer = (tenant: FixtureTenant, client: ApiClient, id: string, action: string, body: object) =>
    client.post(`/api/tenants/${tenant.slug}/transfer-requests/${id}/${action}`, body);
  const list = async (tenant: FixtureTenant, client: ApiClient, query = '') =>
    (await client.get(`/api/tenants/${tenant.slug}/transfer-requests${query}`)).body as TransferRequestList;

  beforeAll(async () => {
    [a, b, c] = [
      await api.fixtures.tenant('asks'),
      await api.fixtures.tenant('takes'),
      await api.fixtures.tenant('other'),
    ];
    aAdminUser = await api.fixtures.member(a, 'admin', { mfa: true });
    bAdminUser = await api.fixtures.member(b, 'admin', { mfa: true });
    aAdmin = await signIn(aAdminUser);
    bAdmin = await signIn(bAdminUser);
    cAdmin = await signIn(await api.fixtures.member(c, 'admin', { mfa: true }));
    aAdviser = await signIn(await api.fixtures.member(a, 'adviser', { mfa: true }));
    bAdviser = await signIn(await api.fixtures.member(b, 'adviser', { mfa: true }));
    sysadmin = await signIn(await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true }));
  });

  /** An HQ in A with a branch and its history (contact, progress, publication, note, task). */
  async function hqWithBranch() {
    const { providerId: hqId } = await api.fixtures.caseloadRows(a);
    const hqCode = randomHqCode();
    await api.fixtures.owner.query(`UPDATE providers SET kind = 'hq', ods_code = $2 WHERE id = $1`, [hqId, hqCode]);
    const branch = await api.fixtures.provider(a, { kind: 'branch', parentId: hqId });
    const [{ name }] = await api.fixtures.owner.query(`SELECT name FROM providers WHERE id = $1`, [hqId]);
    return { hqId, hqCode, name: name as string, branch };
  }

  it('A offers, B sees only the minimum, B accepts: the provider moves with its history and both see the outcome', async () => {
    const { hqId, hqCode, name, branch } = await hqWithBranch();
    const lsps = (await aAdmin.get(`/api/tenants/${a.slug}/transfer-requests/lsps`)).body;
    expect(lsps.items).toEqual(expect.arrayContaining([{ slug: b.slug, name: b.name }]));
    expect(lsps.items).not.toContainEqual({ slug: a.slug, name: a.name });

    const created = await offer(hqId, { toTenantSlug: b.slug, note: 'The group moved from Salford to Leeds' });
    expect(created.status).toBe(201);
    const request = created.body as TransferRequestView;
    expect(request).toMatchObject({
      status: 'pending',
      direction: 'outgoing',
      provider: { id: hqId, odsCode: hqCode, name, branchCount: 1 },
      from: { slug: a.slug, name: a.name },
      to: { slug: b.slug, name: b.name },
      note: 'The group moved from Salford to Leeds',
      requestedBy: expect.any(String),
      answeredAt: null,
      version: 1,
    });

    // B's incoming list: the request and a count waiting; but none of the provider's casework before it accepts.
    const incoming = await list(b, bAdviser, '?direction=incoming');
    expect(incoming.waiting).toBe(1);
    expect(incoming.items.map((item) => [item.id, item.direction])).toEqual([[request.id, 'incoming']]);
    expect((await bAdviser.get(`/api/tenants/${b.slug}/providers/${hqId}`)).status).toBe(404);
    expect((await bAdviser.get(`/api/tenants/${b.slug}/providers/${hqId}/notes`)).status).toBe(404);
    expect((await list(a, aAdviser, '?direction=incoming')).items).toEqual([]);
    expect((await list(a, aAdviser, '?direction=outgoing')).items.map((item) => item.id)).toEqual([request.id]);

    // The wrong side and the wrong role are refused; a stale version is a conflict.
    expect((await answer(a, aAdmin, request.id, 'accept', { version: 1 })).status).toBe(403);
    expect((await answer(b, bAdviser, request.id, 'accept', { version: 1 })).status).toBe(403);
    expect((await answer(b, bAdmin, request.id, 'cancel', { version: 1 })).status).toBe(403);
    const stale = await answer(b, bAdmin, request.id, 'accept', { version: 7 });
    expect(stale.status).toBe(409);
    expect((stale.body as ApiErrorBody).message).toBe(
      'This request changed since you opened it: reload it and answer again',
    );

    const accepted = await answer(b, bAdmin, request.id, 'accept', { version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body as TransferRequestView).toMatchObject({
      status: 'accepted',
      direction: 'incoming',
      answeredBy: expect.any(String),
      answeredAt: expect.any(String),
      version: 2,
    });

    // B has the provider and its branch with their history; A has neither, but sees the outcome.
    const detail = (await bAdviser.get(`/api/tenants/${b.slug}/providers/${hqId}`)).body as ProviderDetail;
    expect(detail).toMatchObject({ odsCode: hqCode, branches: [{ id: branch.id }] });
    expect(
      ((await bAdviser.get(`/api/tenants/${b.slug}/providers/${hqId}/notes`)).body as CaseNoteList).items,
    ).toHaveLength(1);
    expect((await aAdviser.get(`/api/tenants/${a.slug}/providers/${hqId}`)).status).toBe(404);
    const outgoing = await list(a, aAdviser, '?direction=outgoing&status=accepted');
    expect(outgoing.items).toEqual([
      expect.objectContaining({ id: request.id, status: 'accepted', answeredBy: expect.any(String) }),
    ]);
    // B's provider page reads the move from the requests about it.
    const moves = await list(b, bAdviser, `?providerId=${hqId}&status=accepted`);
    expect(moves.items.map((item) => [item.from.name, item.to.name])).toEqual([[a.name, b.name]]);
    expect(moves.waiting).toBe(0);

    // A second answer is a conflict, not a second move.
    const again = await answer(b, bAdmin, request.id, 'accept', { version: 2 });
    expect(again.status).toBe(409);
    expect((again.body as ApiErrorBody).message).toBe('This request was already accepted');

    // Both trails: the offer, and the move with who asked and who accepted.
    for (const tenant of [a, b]) {
      const events: Array<{ action: string; target_id: string; after: Record<string, unknown> }> =
        await api.fixtures.owner.query(
          `SELECT action, target_id, after FROM audit_events
           WHERE tenant_id = $1 AND action LIKE 'provider.transfer%' ORDER BY occurred_at, action`,
          [tenant.id],
        );
      const requested = events.filter((event) => event.action === 'provider.transfer_requested');
      expect(requested.map((event) => [event.target_id, event.after['requestId']])).toEqual([[hqId, request.id]]);
      const moved = events.find((event) => event.action === 'provider.transferred' && event.target_id === hqId);
      expect(moved?.after).toMatchObject({
        from: { slug: a.slug, name: a.name },
        to: { slug: b.slug, name: b.name },
        reason: 'The group moved from Salford to Leeds',
        requestId: request.id,
        acceptedBy: bAdminUser.id,
      });
    }
  });

  it('B declines with a reason: nothing moves and A reads the reason', async () => {
    const { providerId } = await api.fixtures.caseloadRows(a);
    const request = (await offer(providerId, { toTenantSlug: b.slug, note: 'Moved to Leeds' }))
      .body as TransferRequestView;
    const noReason = await answer(b, bAdmin, request.id, 'decline', { version: 1, reason: '  ' });
    expect(noReason.status).toBe(400);
    expect((noReason.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(['reason']);
    const declined = await answer(b, bAdmin, request.id, 'decline', { version: 1, reason: 'Outside our area' });
    expect(declined.status).toBe(200);
    const [row] = await api.fixtures.owner.query(`SELECT tenant_id FROM providers WHERE id = $1`, [providerId]);
    expect(row.tenant_id).toBe(a.id);
    const seen = (await list(a, aAdviser, '?status=declined')).items.find((item) => item.id === request.id);
    expect(seen).toMatchObject({ status: 'declined', declineReason: 'Outside our area', direction: 'outgoing' });
    // Declined, the provider may be offered again.
    expect((await offer(providerId, { toTenantSlug: c.slug, note: 'Try C' })).status).toBe(201);
  });

  it('A cancels a waiting offer; one waiting offer per provider; bad input is a clear 4xx', async () => {
    const { hqId, hqCode, branch } = await hqWithBranch();
    const request = (await offer(hqId, { toTenantSlug: b.slug, note: 'Moved' })).body as TransferRequestView;
    const second = await offer(hqId, { toTenantSlug: c.slug, note: 'Moved' });
    expect(second.status).toBe(409);
    expect((second.body as ApiErrorBody).message).toMatch(
      new RegExp(`is already offered to ${b.name}: cancel that request first`),
    );
    expect((await answer(a, aAdmin, request.id, 'cancel', { version: 1 })).status).toBe(200);
    expect((await answer(b, bAdmin, request.id, 'accept', { version: 2 })).body.message).toBe(
      'This request was already cancelled',
    );

    const branchOffer = await offer(branch.id, { toTenantSlug: b.slug, note: 'Moved' });
    expect(branchOffer.status).toBe(422);
    expect(branchOffer.body.message).toMatch(new RegExp(`is a branch of ${hqCode}`));
    const self = await offer(hqId, { toTenantSlug: a.slug, note: 'Moved' });
    expect((self.body as ApiErrorBody).details).toEqual([
      { field: 'toTenantSlug', message: 'The provider is already in this LSP: choose another LSP' },
    ]);
    const unknown = await offer(hqId, { toTenantSlug: 'no-such-lsp', note: 'Moved' });
    expect(unknown.status).toBe(400);
    expect((unknown.body as ApiErrorBody).details?.[0].field).toBe('toTenantSlug');
    expect((await offer(hqId, { toTenantSlug: b.slug, note: '' })).status).toBe(400);
    expect((await offer(hqId, { toTenantSlug: b.slug, note: 'Moved' }, aAdviser)).status).toBe(403);
    // B cannot offer A's provider: it does not exist for B.
    expect((await offer(hqId, { toTenantSlug: c.slug, note: 'Moved' }, bAdmin, b)).status).toBe(404);
  });

  it('LSP C sees nothing of a request between A and B, in the API or under row-level security', async () => {
    const { providerId } = await api.fixtures.caseloadRows(a);
    const request = (await offer(providerId, { toTenantSlug: b.slug, note: 'Moved' })).body as TransferRequestView;
    const cList = await list(c, cAdmin);
    expect(cList.items.map((item) => item.id)).not.toContain(request.id);
    expect((await answer(c, cAdmin, request.id, 'accept', { version: 1 })).status).toBe(404);
    expect((await answer(c, cAdmin, request.id, 'cancel', { version: 1 })).status).toBe(404);
    const database = api.app.get(ScopedDatabase);
    const seen = async (tenantId: string | null) =>
      (
        await database.run({ tenantId }, (manager) =>
          manager.query(`SELECT id FROM provider_transfer_requests WHERE id = $1`, [request.id]),
        )
      ).length;
    expect([await seen(a.id), await seen(b.id), await seen(c.id), await seen(null)]).toEqual([1, 1, 0, 0]);
    // Nor can C write one between A and B.
    await expect(
      database.inTenant(c.id, (manager) =>
        manager.query(
          `INSERT INTO provider_transfer_requests (from_tenant_id, to_tenant_id, ods_code, provider_name, note)
           VALUES ($1, $2, 'VX1', 'X', 'x')`,
          [a.id, b.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      database.inTenant(c.id, (manager) => manager.query(`SELECT * FROM programme_transfer_requests()`)),
    ).rejects.toThrow(/not for use inside an LSP/);
  });

  it('a provider deleted (erased) takes its requests with it, note and all', async () => {
    const { providerId } = await api.fixtures.caseloadRows(a);
    const request = (await offer(providerId, { toTenantSlug: b.slug, note: 'Moved' })).body as TransferRequestView;
    // As the erasure's delete of the provider would (through the API, see docs/privacy.md).
    await api.app
      .get(ScopedDatabase)
      .inTenant(a.id, (manager) => manager.query(`DELETE FROM providers WHERE id = $1`, [providerId]));
    expect((await list(b, bAdmin)).items.map((item) => item.id)).not.toContain(request.id);
    const [{ n }] = await api.fixtures.owner.query(
      `SELECT count(*)::int AS n FROM provider_transfer_requests WHERE id = $1`,
      [request.id],
    );
    expect(n).toBe(0);
  });

  it('a system admin lists every request and answers for the LSP asked', async () => {
    const { providerId } = await api.fixtures.caseloadRows(a);
    const request = (await offer(providerId, { toTenantSlug: b.slug, note: 'Moved' })).body as TransferRequestView;
    const all = (await sysadmin.get('/api/transfer-requests')).body as TransferRequestList;
    expect(all.items.find((item) => item.id === request.id)).toMatchObject({ status: 'pending', direction: null });
    expect((await aAdmin.get('/api/transfer-requests')).status).toBe(403);
    const accepted = await sysadmin.post(`/api/transfer-requests/${request.id}/accept`, { version: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted' });
    const [row] = await api.fixtures.owner.query(`SELECT tenant_id FROM providers WHERE id = $1`, [providerId]);
    expect(row.tenant_id).toBe(b.id);
    expect(
      (await sysadmin.post(`/api/transfer-requests/${request.id}/decline`, { version: 2, reason: 'No' })).status,
    ).toBe(409);
  });
});
