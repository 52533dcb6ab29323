import type {
  ApiErrorBody,
  AuditEventView,
  CaseNoteList,
  ProviderDetail,
  ProviderTransferResult,
  PublicationList,
  TaskList,
} from '@dspt/contracts';
import { TRANSFER_ROLE, ScopedDatabase } from '@dspt/server/data';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { randomHqCode } from '../testing/provider-sheets';
import { useTestApi } from '../testing/use-test-api';

describe('transferring a provider to another LSP (system admin)', () => {
  const api = useTestApi();
  let admin: ApiClient;
  let a: FixtureTenant;
  let b: FixtureTenant;
  let aAdviserUser: FixtureUser;
  let aAdviser: ApiClient;
  let bAdviser: ApiClient;

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
  const transfer = (odsCode: string, body: object, client = admin) =>
    client.post(`/api/admin/providers/${odsCode}/transfer`, body);

  beforeAll(async () => {
    admin = await signIn(await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true }));
    [a, b] = [await api.fixtures.tenant('from'), await api.fixtures.tenant('to')];
    aAdviserUser = await api.fixtures.member(a, 'adviser', { mfa: true });
    aAdviser = await signIn(aAdviserUser);
    bAdviser = await signIn(await api.fixtures.member(b, 'adviser', { mfa: true }));
  });

  /** An HQ with a branch in A, the HQ with its whole history: contact, progress, publication, note, open and done tasks. */
  async function hqWithHistory() {
    const { providerId: hqId } = await api.fixtures.caseloadRows(a);
    const hqCode = randomHqCode();
    await api.fixtures.owner.query(
      `UPDATE providers SET kind = 'hq', ods_code = $2, assigned_adviser_id = $3 WHERE id = $1`,
      [hqId, hqCode, aAdviserUser.id],
    );
    await api.fixtures.owner.query(`UPDATE tasks SET assignee_id = $2 WHERE provider_id = $1`, [hqId, aAdviserUser.id]);
    await api.fixtures.owner.query(
      `INSERT INTO tasks (tenant_id, provider_id, title, due_on, assignee_id, done_at) VALUES ($1, $2, 'Visited', '2026-01-01', $3, now())`,
      [a.id, hqId, aAdviserUser.id],
    );
    const branch = await api.fixtures.provider(a, { kind: 'branch', parentId: hqId });
    return { hqId, hqCode, branch };
  }

  it('moves an HQ with its branches and whole history: B sees it all, A gets 404, both trails record it', async () => {
    const { hqId, hqCode, branch } = await hqWithHistory();
    const response = await transfer(hqCode.toLowerCase(), {
      toTenantSlug: b.slug,
      reason: 'The group moved from Salford to Leeds',
    });
    expect(response.status).toBe(200);
    expect(response.body as ProviderTransferResult).toEqual({
      odsCode: hqCode,
      name: expect.any(String),
      from: { slug: a.slug, name: a.name },
      to: { slug: b.slug, name: b.name },
      moved: [
        { id: hqId, odsCode: hqCode, name: expect.any(String), kind: 'hq' },
        { id: branch.id, odsCode: branch.odsCode, name: expect.any(String), kind: 'branch' },
      ],
    });

    // B sees the provider with its history; the old LSP's adviser and open-task assignee are cleared.
    const bBase = `/api/tenants/${b.slug}/providers/${hqId}`;
    const detail = (await bAdviser.get(bBase)).body as ProviderDetail;
    expect(detail).toMatchObject({
      odsCode: hqCode,
      kind: 'hq',
      assignedAdviser: null,
      version: 2,
      branches: [{ id: branch.id }],
    });
    expect(detail.contacts).toHaveLength(1);
    expect(((await bAdviser.get(`${bBase}/notes`)).body as CaseNoteList).items).toHaveLength(1);
    expect(((await bAdviser.get(`${bBase}/publications`)).body as PublicationList).items).toHaveLength(1);
    const tasks = ((await bAdviser.get(`${bBase}/tasks`)).body as TaskList).items;
    expect(tasks.map((task) => [task.title, task.assignee?.id ?? null])).toEqual([
      ['Chase evidence', null],
      ['Visited', aAdviserUser.id],
    ]);
    const assessment = await bAdviser.get(`${bBase}/assessment?cycle=2025-26`);
    expect(assessment.body.questions.find((question: { code: string }) => question.code === '1.1.5').status).toBe(
      'completed',
    );
    expect((await bAdviser.get(`/api/tenants/${b.slug}/providers/${branch.id}`)).body).toMatchObject({
      parent: { id: hqId },
    });
    expect((await bAdviser.get(`/api/tenants/${b.slug}/providers?cycle=2025-26`)).body.total).toBe(2);

    // A no longer sees it, nor any of its rows.
    expect((await aAdviser.get(`/api/tenants/${a.slug}/providers/${hqId}`)).status).toBe(404);
    expect((await aAdviser.get(`/api/tenants/${a.slug}/providers/${branch.id}`)).status).toBe(404);
    expect((await aAdviser.get(`/api/tenants/${a.slug}/providers?cycle=2025-26`)).body.total).toBe(0);
    expect((await aAdviser.get(`/api/tenants/${a.slug}/tasks?assignee=all`)).body.items).toEqual([]);

    // Every row of every table that belongs to a provider went with it.
    const tables: Array<{ table_name: string }> = await api.fixtures.owner.query(
      `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.columns t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.column_name = 'tenant_id'
       WHERE c.table_schema = 'public' AND c.column_name = 'provider_id'`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const { table_name: table } of tables) {
      const [{ n }] = await api.fixtures.owner.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE provider_id = ANY($1) AND tenant_id <> $2`,
        [[hqId, branch.id], b.id],
      );
      expect({ table, left: n }).toEqual({ table, left: 0 });
    }
    const [{ n: progressLeft }] = await api.fixtures.owner.query(
      `SELECT count(*)::int AS n FROM question_progress q JOIN assessments s ON s.id = q.assessment_id WHERE s.provider_id = $1 AND q.tenant_id <> $2`,
      [hqId, b.id],
    );
    expect(progressLeft).toBe(0);

    // Both audit trails show the transfer of both providers, from/to and the reason.
    for (const tenant of [a, b]) {
      const events = await api.fixtures.owner.query(
        `SELECT target_id, before, after FROM audit_events WHERE tenant_id = $1 AND action = 'provider.transferred' ORDER BY target_id`,
        [tenant.id],
      );
      expect(events.map((event: { target_id: string }) => event.target_id).sort()).toEqual([hqId, branch.id].sort());
      const hqEvent = events.find((event: { target_id: string }) => event.target_id === hqId);
      expect(hqEvent.after).toEqual({
        from: { slug: a.slug, name: a.name },
        to: { slug: b.slug, name: b.name },
        reason: 'The group moved from Salford to Leeds',
        odsCode: hqCode,
        assignedAdviserId: null,
        version: 2,
      });
      expect(hqEvent.before).toEqual(
        tenant === a ? { version: 1, assignedAdviserId: aAdviserUser.id } : { version: 1 },
      );
    }
    // And the LSP admins read it on their audit page.
    for (const tenant of [a, b]) {
      const lspAdmin = await signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
      const trail = (await lspAdmin.get(`/api/tenants/${tenant.slug}/audit-events`)).body as {
        items: AuditEventView[];
      };
      expect(
        trail.items
          .filter((event) => event.action === 'provider.transferred')
          .map((event) => event.targetId)
          .sort(),
      ).toEqual([hqId, branch.id].sort());
    }
  });

  it('refuses a branch on its own, naming its HQ, and moves nothing', async () => {
    const { hqCode, branch } = await hqWithHistory();
    const response = await transfer(branch.odsCode, { toTenantSlug: b.slug, reason: 'Moved' });
    expect(response.status).toBe(422);
    expect((response.body as ApiErrorBody).message).toBe(
      `${branch.odsCode} is a branch of ${hqCode}: a branch moves with its HQ, so transfer ${hqCode} and its branches go with it`,
    );
    const [row] = await api.fixtures.owner.query(`SELECT tenant_id FROM providers WHERE id = $1`, [branch.id]);
    expect(row.tenant_id).toBe(a.id);
  });

  it('answers 404, 409 and 400 clearly, and only to system admins', async () => {
    const { providerId } = await api.fixtures.caseloadRows(a);
    const [{ ods_code: code }] = await api.fixtures.owner.query(`SELECT ods_code FROM providers WHERE id = $1`, [
      providerId,
    ]);
    expect((await transfer('C9ZZZ', { toTenantSlug: b.slug, reason: 'Moved' })).status).toBe(404);
    const same = await transfer(code, { toTenantSlug: a.slug, reason: 'Moved' });
    expect(same.status).toBe(409);
    expect(same.body.message).toBe(`${code} is already in ${a.name}`);
    const badBody = await transfer(code, { toTenantSlug: 'no-such-lsp', reason: ' ' });
    expect(badBody.status).toBe(400);
    expect((badBody.body as ApiErrorBody).details?.map((detail) => detail.field)).toEqual(['reason']);
    const unknownLsp = await transfer(code, { toTenantSlug: 'no-such-lsp', reason: 'Moved' });
    expect(unknownLsp.status).toBe(400);
    expect((unknownLsp.body as ApiErrorBody).details).toEqual([
      { field: 'toTenantSlug', message: 'No LSP has the slug no-such-lsp' },
    ]);
    expect((await transfer('8AB', { toTenantSlug: b.slug, reason: 'Moved' })).status).toBe(400);

    const lspAdmin = await signIn(await api.fixtures.member(a, 'admin', { mfa: true }));
    expect((await transfer(code, { toTenantSlug: b.slug, reason: 'Moved' }, lspAdmin)).status).toBe(403);
    const lead = await signIn(await api.fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true }));
    expect((await transfer(code, { toTenantSlug: b.slug, reason: 'Moved' }, lead)).status).toBe(403);
    const [row] = await api.fixtures.owner.query(`SELECT tenant_id FROM providers WHERE id = $1`, [providerId]);
    expect(row.tenant_id).toBe(a.id);
  });

  it('is not callable by the app role except through the function, which only the app role may execute', async () => {
    const [grants] = await api.fixtures.owner.query(
      `SELECT has_function_privilege('dspt_app', 'transfer_provider(text, uuid)', 'EXECUTE') AS app,
              has_function_privilege('public', 'transfer_provider(text, uuid)', 'EXECUTE') AS everyone,
              (SELECT prosecdef FROM pg_proc WHERE proname = 'transfer_provider') AS definer`,
    );
    expect(grants).toEqual({ app: true, everyone: false, definer: true });
  });

  it('runs as its own owner, neither superuser nor BYPASSRLS, with rights on the provider tables only', async () => {
    const [owner] = await api.fixtures.owner.query(
      `SELECT r.rolname AS name, r.rolsuper, r.rolbypassrls, r.rolcanlogin,
              has_table_privilege(r.oid, 'users', 'SELECT') AS users, has_table_privilege(r.oid, 'audit_events', 'INSERT') AS audit,
              has_table_privilege(r.oid, 'providers', 'UPDATE') AS providers
       FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner WHERE p.proname = 'transfer_provider'`,
    );
    expect(owner).toEqual({
      name: TRANSFER_ROLE,
      rolsuper: false,
      rolbypassrls: false,
      rolcanlogin: false,
      users: false,
      audit: false,
      providers: true,
    });
  });

  it('refuses a call from inside an LSP, and a call naming no existing LSP, moving nothing', async () => {
    const { providerId } = await api.fixtures.caseloadRows(a);
    const [{ ods_code: code }] = await api.fixtures.owner.query(`SELECT ods_code FROM providers WHERE id = $1`, [
      providerId,
    ]);
    const database = api.app.get(ScopedDatabase);
    // What a query of an LSP's own could try: move one of its providers out (or another LSP's in).
    await expect(
      database.inTenant(a.id, (manager) => manager.query(`SELECT * FROM transfer_provider($1, $2)`, [code, b.id])),
    ).rejects.toThrow(/not for use inside an LSP/);
    await expect(
      database.outsideTenants((manager) =>
        manager.query(`SELECT * FROM transfer_provider($1, gen_random_uuid())`, [code]),
      ),
    ).rejects.toThrow(/needs an ODS code and an existing LSP/);
    const [row] = await api.fixtures.owner.query(`SELECT tenant_id FROM providers WHERE id = $1`, [providerId]);
    expect(row.tenant_id).toBe(a.id);
  });
});
