import type { ApiErrorBody, AuditEventList } from '@dspt/contracts';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { useTestApi } from '../testing/use-test-api';

describe('the audit trail: search, pages and download', () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  let adminUser: FixtureUser;
  let admin: ApiClient;
  let other: FixtureTenant;
  let providerId: string;
  let otherProviderId: string;
  const url = (path: string) => `/api/tenants/${tenant.slug}/audit-events${path}`;

  /** Writes events as the owner, at chosen instants, so periods and pages can be tested. */
  async function event(
    into: FixtureTenant,
    fields: {
      action: string;
      at: string;
      actor?: string | null;
      targetType?: string;
      targetId?: string;
      after?: object;
    },
  ): Promise<void> {
    await api.fixtures.owner.query(
      `INSERT INTO audit_events (tenant_id, occurred_at, actor_user_id, action, target_type, target_id, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        into.id,
        fields.at,
        fields.actor ?? null,
        fields.action,
        fields.targetType ?? null,
        fields.targetId ?? null,
        fields.after ?? null,
      ],
    );
  }

  beforeAll(async () => {
    tenant = await api.fixtures.tenant('audit-trail');
    other = await api.fixtures.tenant('audit-trail-other');
    adminUser = await api.fixtures.member(tenant, 'admin', { mfa: true });
    admin = await new ApiClient(api.app).signIn(adminUser.email, adminUser.password, adminUser.totpSecret);
    providerId = (await api.fixtures.provider(tenant)).id;
    otherProviderId = (await api.fixtures.provider(tenant)).id;
    // 230 task events in July 2026, more than the old fixed 200.
    for (let minute = 0; minute < 230; minute += 1) {
      await event(tenant, {
        action: 'task.created',
        at: new Date(Date.UTC(2026, 6, 1, 9, minute)).toISOString(),
        actor: adminUser.id,
        targetType: 'provider',
        targetId: otherProviderId,
      });
    }
    // 23:30 UTC on 9 August is 00:30 on 10 August in London (BST).
    await event(tenant, {
      action: 'provider.updated',
      at: '2026-08-09T23:30:00Z',
      targetType: 'provider',
      targetId: providerId,
    });
    await event(tenant, {
      action: 'contact.created',
      at: '2026-08-09T22:30:00Z',
      actor: adminUser.id,
      targetType: 'provider_contact',
      targetId: '00000000-0000-4000-8000-000000000001',
      after: { providerId, email: 'pat@example.org' },
    });
    await event(tenant, {
      action: 'note.created',
      at: '2026-08-11T09:00:00Z',
      targetType: 'provider',
      targetId: '=cmd|calc',
    });
    await event(other, {
      action: 'provider.updated',
      at: '2026-08-10T09:00:00Z',
      targetType: 'provider',
      targetId: providerId,
    });
  });

  it('pages through the whole trail with a total, newest first, never another LSP', async () => {
    const [{ total }] = await api.fixtures.owner.query(
      `SELECT count(*)::int AS total FROM audit_events WHERE tenant_id = $1`,
      [tenant.id],
    );
    expect(total).toBeGreaterThanOrEqual(233);
    const first = await admin.get(url('?pageSize=200'));
    expect(first.status).toBe(200);
    const second = await admin.get(url('?pageSize=200&page=2'));
    const pages = [first.body as AuditEventList, second.body as AuditEventList];
    expect(pages.map((page) => [page.page, page.pageSize, page.total])).toEqual([
      [1, 200, total],
      [2, 200, total],
    ]);
    const ids = pages.flatMap((page) => page.items.map((item) => item.id));
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    const instants = pages.flatMap((page) => page.items.map((item) => item.occurredAt));
    expect([...instants].sort().reverse()).toEqual(instants);
    const theirs: Array<{ id: string }> = await api.fixtures.owner.query(
      `SELECT id FROM audit_events WHERE tenant_id = $1`,
      [other.id],
    );
    expect(ids).not.toContain(theirs[0].id);
    expect((await admin.get(url(''))).body).toMatchObject({ page: 1, pageSize: 50, total });
  });

  it('filters by London day, action, actor and provider (with its contacts)', async () => {
    const ids = async (query: string) =>
      ((await admin.get(url(query))).body as AuditEventList).items.map((item) => item.action);
    expect(await ids('?from=2026-08-10&to=2026-08-10')).toEqual(['provider.updated']);
    expect(await ids('?from=2026-08-09&to=2026-08-10')).toEqual(['provider.updated', 'contact.created']);
    expect(await ids('?from=2026-08-11')).toEqual(['note.created']);
    expect(((await admin.get(url('?action=task.created&pageSize=1'))).body as AuditEventList).total).toBe(230);
    expect(await ids(`?providerId=${providerId}`)).toEqual(['provider.updated', 'contact.created']);
    const byActor = (
      await admin.get(url(`?actor=${encodeURIComponent(adminUser.email.slice(2, 12).toUpperCase())}&pageSize=1`))
    ).body as AuditEventList;
    expect(byActor.total).toBe(231);
    // LIKE's wildcards are matched as themselves.
    expect(((await admin.get(url('?actor=%25'))).body as AuditEventList).total).toBe(0);
  });

  it('names the bad parameter in a 400', async () => {
    const cases: Array<[string, string]> = [
      ['?pageSize=201', 'pageSize'],
      ['?page=0', 'page'],
      ['?action=provider.exploded', 'action'],
      ['?from=2026-02-30', 'from'],
      ['?to=9-8-2026', 'to'],
      ['?from=2026-08-10&to=2026-08-09', 'to'],
      ['?providerId=abc', 'providerId'],
      ['/export?format=pdf', 'format'],
      ['/export?from=2026-08-10&to=2026-08-09', 'to'],
    ];
    for (const [query, field] of cases) {
      const response = await admin.get(url(query));
      expect([query, response.status]).toEqual([query, 400]);
      expect((response.body as ApiErrorBody).details?.map((detail) => detail.field)).toContain(field);
    }
  });

  it('downloads the filtered trail as CSV, formula-safe, and records the download', async () => {
    const response = await admin.get(url('/export?from=2026-08-09'));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="audit-trail-${tenant.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const [header, ...lines] = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header).toBe('When (UK time),Who,Action,What happened,Target type,Target id,Before,After,IP address');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain("2026-08-11 10:00:00,The portal,note.created,Added a case note,provider,'=cmd|calc");
    expect(lines[2]).toContain(`${adminUser.email},contact.created,Added a contact,provider_contact`);
    const recorded: Array<{ after: { events: number } }> = await api.fixtures.owner.query(
      `SELECT after FROM audit_events WHERE tenant_id = $1 AND action = 'audit.exported' AND actor_user_id = $2`,
      [tenant.id, adminUser.id],
    );
    expect(recorded.map((row) => row.after.events)).toEqual([3]);

    const xlsx = await admin.get(url('/export?format=xlsx&action=task.created')).responseType('blob');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
