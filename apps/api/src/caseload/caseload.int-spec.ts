import type { BulkAssignResult, CaseloadItem, CaseloadPage } from '@dspt/contracts';
import { cycleForDate } from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { randomUUID } from 'node:crypto';
import { CaseloadFixtures, londonDay } from '../testing/caseload-fixtures';
import { useTestApi } from '../testing/use-test-api';

/** Noon (UTC) of a London day `days` ago: its London date is that day whatever the time of the run. */
const daysAgo = (days: number) => new Date(`${londonDay(-days)}T12:00:00Z`);

describe('caseload', () => {
  const api = useTestApi();
  let caseload: CaseloadFixtures;
  let tenant: FixtureTenant;
  let adviserUser: FixtureUser;
  let secondAdviser: FixtureUser;
  let adviser: ApiClient;
  let base: string;
  let near: { id: string; code: string };
  let far: { id: string; code: string };
  const ids: Record<string, string> = {};
  const odsCodes: Record<string, string> = {};

  const list = async (query: string): Promise<CaseloadPage> => {
    const response = await adviser.get(`${base}?${query}`);
    expect({ query, status: response.status }).toEqual({ query, status: 200 });
    return response.body as CaseloadPage;
  };
  const names = async (query: string) => (await list(query)).items.map((item) => item.name);

  beforeAll(async () => {
    caseload = new CaseloadFixtures(api.fixtures.owner);
    tenant = await api.fixtures.tenant('caseload');
    adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    secondAdviser = await api.fixtures.member(tenant, 'adviser');
    adviser = await new ApiClient(api.app).signIn(adviserUser.email, adviserUser.password, adviserUser.totpSecret);
    base = `/api/tenants/${tenant.slug}/providers`;

    const previous = await caseload.cycle(-150, [{ level: 'AS' }]);
    // Four mandatory items (one skipped by CE+) and one optional; the deadline is 30 days away.
    near = await caseload.cycle(30, [
      { level: 'AS' },
      { level: 'AS', ce: true },
      { level: 'SM' },
      { level: 'SM' },
      { level: 'none', ce: true },
    ]);
    far = await caseload.cycle(
      200,
      Array.from({ length: 45 }, () => ({ level: 'SM' as const })),
    );

    const urgent = await caseload.provider(tenant, { name: 'Urgent Care', region: 'London', serviceType: 'homecare' });
    await caseload.publication(tenant, urgent.id, previous.id, 'approaching_standards', londonDay(-200));
    await caseload.task(tenant, urgent.id, londonDay(-1));
    await caseload.task(tenant, urgent.id, londonDay(-3), true);
    await caseload.task(tenant, urgent.id, londonDay(5));

    const steady = await caseload.provider(tenant, {
      name: 'Steady Homes',
      assignedAdviserId: adviserUser.id,
      lastContactAt: daysAgo(5),
    });
    await caseload.assessment(tenant, steady.id, near.id, { completed: 2, total: 4, status: 'in_progress' });

    const met = await caseload.provider(tenant, { name: 'Met Lodge', lastContactAt: daysAgo(10) });
    await caseload.assessment(tenant, met.id, near.id, { completed: 4, total: 4, status: 'standards_met' });
    await caseload.publication(tenant, met.id, near.id, 'standards_met', londonDay(-2));

    const cyber = await caseload.provider(tenant, {
      name: 'Cyber House',
      hasCePlus: true,
      serviceType: 'supported_living',
      assignedAdviserId: secondAdviser.id,
      lastContactAt: daysAgo(40),
    });

    const ready = await caseload.provider(tenant, { name: 'Ready Court', lastContactAt: daysAgo(1) });
    await caseload.assessment(tenant, ready.id, near.id, { completed: 4, total: 4, status: 'ready_to_publish' });

    const archived = await caseload.provider(tenant, { name: 'Old Barn', archived: true });
    for (const [key, provider] of Object.entries({ urgent, steady, met, cyber, ready, archived })) {
      ids[key] = provider.id;
      odsCodes[key] = provider.odsCode;
    }
    // Another LSP's providers never show up.
    await caseload.provider(await api.fixtures.tenant('other'), { name: 'Urgent Elsewhere' });
  });

  it('ranks by priority with its reasons, derived for the cycle (contract shape)', async () => {
    const page = await list(`cycle=${near.code}`);
    expect(page).toMatchObject({
      total: 5,
      page: 1,
      pageSize: 25,
      cycle: near.code,
      deadline: londonDay(30),
      daysToDeadline: 30,
    });
    expect(page.items.map((item) => [item.name, item.status, item.progress, item.priority.score])).toEqual([
      ['Urgent Care', 'not_started', { completed: 0, total: 4 }, 40],
      ['Cyber House', 'in_progress', { completed: 1, total: 4 }, 13],
      ['Steady Homes', 'in_progress', { completed: 2, total: 4 }, 5],
      ['Met Lodge', 'standards_met', { completed: 4, total: 4 }, 0],
      ['Ready Court', 'ready_to_publish', { completed: 4, total: 4 }, 0],
    ]);
    const byName = new Map(page.items.map((item) => [item.name, item]));
    expect(byName.get('Urgent Care')).toEqual<CaseloadItem>({
      id: ids['urgent'],
      name: 'Urgent Care',
      odsCode: odsCodes['urgent'],
      status: 'not_started',
      progress: { completed: 0, total: 4 },
      priority: {
        score: 40,
        reasons: [
          '4 items left',
          '30 days to deadline',
          'never contacted',
          'last published Approaching Standards: must reach Standards Met',
          '1 overdue task',
        ],
        parts: [
          { reason: '4 items left', points: 4 },
          { reason: '30 days to deadline', points: 6 },
          { reason: 'never contacted', points: 10 },
          { reason: 'last published Approaching Standards: must reach Standards Met', points: 15 },
          { reason: '1 overdue task', points: 5 },
        ],
      },
      kind: 'single_site',
      serviceType: 'homecare',
      region: 'London',
      assignedAdviser: null,
      lastContactAt: null,
      overdueTasks: 1,
      // The open task due first (yesterday's), not the one done or the one due later.
      nextTask: { title: 'Chase evidence', dueOn: londonDay(-1) },
      archivedAt: null,
    });
    expect(byName.get('Steady Homes')?.nextTask).toBeNull();
    expect(byName.get('Cyber House')?.priority.reasons).toEqual([
      '3 items left',
      '30 days to deadline',
      'no contact for 40 days',
    ]);
    expect(byName.get('Cyber House')?.assignedAdviser).toEqual({ id: secondAdviser.id, displayName: 'Test adviser' });
    expect(byName.get('Steady Homes')?.priority.reasons).toEqual(['2 items left', '30 days to deadline']);
    expect(byName.get('Met Lodge')?.priority.reasons).toEqual(['Standards Met published']);
    expect(byName.get('Ready Court')?.priority.reasons).toEqual(['ready to publish', '30 days to deadline']);
  });

  it('defaults to the current cycle', async () => {
    const current = cycleForDate(londonDate(new Date()));
    await caseload.ensureCycle(current.code, current.startsOn, current.deadline);
    const page = await list('');
    expect(page.cycle).toBe(current.code);
    expect(page.total).toBe(5);
  });

  it('sorts by name, progress and last contact, either way', async () => {
    expect(await names(`cycle=${near.code}&sort=name`)).toEqual([
      'Cyber House',
      'Met Lodge',
      'Ready Court',
      'Steady Homes',
      'Urgent Care',
    ]);
    expect(await names(`cycle=${near.code}&sort=name&direction=desc`)).toEqual([
      'Urgent Care',
      'Steady Homes',
      'Ready Court',
      'Met Lodge',
      'Cyber House',
    ]);
    expect(await names(`cycle=${near.code}&sort=progress`)).toEqual([
      'Urgent Care',
      'Cyber House',
      'Steady Homes',
      'Met Lodge',
      'Ready Court',
    ]);
    expect(await names(`cycle=${near.code}&sort=lastContact`)).toEqual([
      'Urgent Care',
      'Cyber House',
      'Met Lodge',
      'Steady Homes',
      'Ready Court',
    ]);
    expect(await names(`cycle=${near.code}&sort=lastContact&direction=desc`)).toEqual([
      'Ready Court',
      'Steady Homes',
      'Met Lodge',
      'Cyber House',
      'Urgent Care',
    ]);
    expect(await names(`cycle=${near.code}&sort=priority&direction=asc`)).toEqual([
      'Met Lodge',
      'Ready Court',
      'Steady Homes',
      'Cyber House',
      'Urgent Care',
    ]);
  });

  it('pages, counting every match', async () => {
    const first = await list(`cycle=${near.code}&pageSize=2`);
    expect(first).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(first.items.map((item) => item.name)).toEqual(['Urgent Care', 'Cyber House']);
    expect(await names(`cycle=${near.code}&pageSize=2&page=2`)).toEqual(['Steady Homes', 'Met Lodge']);
    expect(await names(`cycle=${near.code}&pageSize=2&page=3`)).toEqual(['Ready Court']);
    const beyond = await list(`cycle=${near.code}&pageSize=2&page=4`);
    expect(beyond).toMatchObject({ items: [], total: 5, page: 4 });
  });

  it('filters by status, adviser, region, service type and search text (name or ODS code, any case)', async () => {
    const c = `cycle=${near.code}&sort=name`;
    expect(await names(`${c}&status=in_progress`)).toEqual(['Cyber House', 'Steady Homes']);
    expect(await names(`${c}&status=not_started`)).toEqual(['Urgent Care']);
    expect(await names(`${c}&adviser=${secondAdviser.id}`)).toEqual(['Cyber House']);
    expect(await names(`${c}&adviser=none`)).toEqual(['Met Lodge', 'Ready Court', 'Urgent Care']);
    expect(await names(`${c}&region=London`)).toEqual(['Urgent Care']);
    expect(await names(`${c}&serviceType=supported_living`)).toEqual(['Cyber House']);
    expect(await names(`${c}&search=STEADY`)).toEqual(['Steady Homes']);
    expect(await names(`${c}&search=${odsCodes['ready'].toLowerCase()}`)).toEqual(['Ready Court']);
    expect(await names(`${c}&search=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await names(`${c}&search=ou&region=London`)).toEqual([]);
    expect(await names(`${c}&search=o&status=in_progress`)).toEqual(['Cyber House', 'Steady Homes']);
  });

  it('leaves archived providers out unless asked', async () => {
    expect(await names(`cycle=${near.code}&sort=name&search=barn`)).toEqual([]);
    const withArchived = await list(`cycle=${near.code}&sort=name&includeArchived=true`);
    expect(withArchived.total).toBe(6);
    expect(withArchived.items.find((item) => item.name === 'Old Barn')?.archivedAt).toEqual(expect.any(String));
  });

  it('has the views "mine" and "at risk"', async () => {
    expect(await names(`cycle=${near.code}&view=mine`)).toEqual(['Steady Homes']);
    // 30 days before the deadline every provider with items left is at risk.
    expect(await names(`cycle=${near.code}&view=at-risk`)).toEqual(['Urgent Care', 'Cyber House', 'Steady Homes']);
    // 200 days before it only a high priority counts: 45 items left, never contacted, a previous
    // Approaching Standards and an overdue task (75), not 45 items left alone (45) or with a stale contact (50).
    const farPage = await list(`cycle=${far.code}&view=at-risk`);
    expect(farPage.items.map((item) => [item.name, item.priority.score])).toEqual([['Urgent Care', 75]]);
    expect(await names(`cycle=${far.code}&view=mine`)).toEqual(['Steady Homes']);
  });

  it('names each bad query parameter in a 400, and answers 404 for a cycle that is not loaded', async () => {
    const cases: Array<[string, string]> = [
      ['sort=size', 'sort'],
      ['direction=up', 'direction'],
      ['view=everyone', 'view'],
      ['status=done', 'status'],
      ['region=Wales', 'region'],
      ['serviceType=spa', 'serviceType'],
      ['adviser=bob', 'adviser'],
      ['page=0', 'page'],
      ['page=two', 'page'],
      ['pageSize=500', 'pageSize'],
      ['cycle=2026', 'cycle'],
      ['includeArchived=maybe', 'includeArchived'],
      ['colour=red', 'colour'],
      ['sort=name&sort=priority', 'sort'],
    ];
    for (const [query, field] of cases) {
      const response = await adviser.get(`${base}?${query}`);
      expect({
        query,
        status: response.status,
        fields: response.body.details?.map((detail: { field: string }) => detail.field),
      }).toEqual({ query, status: 400, fields: [field] });
    }
    const unknown = await adviser.get(`${base}?cycle=1900-01`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('No assessment cycle 1900-01');
  });

  describe('bulk assign', () => {
    const adviserOf = async (id: string) =>
      (await api.fixtures.owner.query(`SELECT assigned_adviser_id FROM providers WHERE id = $1`, [id]))[0]
        .assigned_adviser_id;

    it('assigns every provider named, audits each with its version, and a stale edit then sees it', async () => {
      const [one, two] = [
        await caseload.provider(tenant, { name: 'Assign One' }),
        await caseload.provider(tenant, { name: 'Assign Two' }),
      ];
      const response = await adviser.post(`${base}/assign`, {
        providerIds: [one.id, two.id],
        adviserId: secondAdviser.id,
      });
      expect(response.status).toBe(200);
      expect(response.body as BulkAssignResult).toEqual({ assigned: 2, unchanged: 0 });
      expect([await adviserOf(one.id), await adviserOf(two.id)]).toEqual([secondAdviser.id, secondAdviser.id]);
      const audit = await api.fixtures.owner.query(
        `SELECT actor_user_id, before, after FROM audit_events WHERE action = 'provider.assigned' AND target_id = $1`,
        [one.id],
      );
      expect(audit).toEqual([
        {
          actor_user_id: adviserUser.id,
          before: { assignedAdviserId: null, version: 1 },
          after: { assignedAdviserId: secondAdviser.id, version: 2 },
        },
      ]);

      const again = await adviser.post(`${base}/assign`, {
        providerIds: [one.id, two.id],
        adviserId: secondAdviser.id,
      });
      expect(again.body).toEqual({ assigned: 0, unchanged: 2 });

      const stale = await adviser.patch(`${base}/${one.id}`, { version: 1, name: 'Edited from an old page' });
      expect(stale.status).toBe(409);
      expect(stale.body.details).toEqual([
        {
          field: 'assignedAdviserId',
          message: 'assignedAdviserId was changed by Test adviser after you opened this provider',
          current: secondAdviser.id,
        },
      ]);

      const unassigned = await adviser.post(`${base}/assign`, { providerIds: [one.id], adviserId: null });
      expect(unassigned.body).toEqual({ assigned: 1, unchanged: 0 });
      expect(await adviserOf(one.id)).toBeNull();
    });

    it('is all or nothing: an unknown or foreign provider, or an unassignable user, changes nothing', async () => {
      const mine = await caseload.provider(tenant, { name: 'Assign Mine' });
      const foreign = await caseload.provider(await api.fixtures.tenant('foreign'), { name: 'Assign Foreign' });
      const viewer = await api.fixtures.member(tenant, 'viewer');

      const mixed = await adviser.post(`${base}/assign`, {
        providerIds: [mine.id, foreign.id, randomUUID()],
        adviserId: adviserUser.id,
      });
      expect(mixed.status).toBe(400);
      expect(mixed.body.details).toEqual([
        { field: 'providerIds.1', message: 'No provider with this id in this LSP' },
        { field: 'providerIds.2', message: 'No provider with this id in this LSP' },
      ]);
      expect(JSON.stringify(mixed.body)).not.toContain(foreign.id);
      expect(await adviserOf(mine.id)).toBeNull();
      expect(await adviserOf(foreign.id)).toBeNull();

      const toViewer = await adviser.post(`${base}/assign`, { providerIds: [mine.id], adviserId: viewer.id });
      expect(toViewer.status).toBe(400);
      expect(toViewer.body.details).toEqual([
        { field: 'adviserId', message: 'adviserId must be an adviser or admin of this LSP' },
      ]);

      for (const [body, field] of [
        [{ providerIds: [], adviserId: null }, 'providerIds'],
        [{ providerIds: ['x'], adviserId: null }, 'providerIds'],
        [{ providerIds: [mine.id, mine.id], adviserId: null }, 'providerIds'],
        [{ providerIds: [mine.id] }, 'adviserId'],
        [{ providerIds: [mine.id], adviserId: 'bob' }, 'adviserId'],
      ] as const) {
        const response = await adviser.post(`${base}/assign`, body);
        expect({
          body,
          status: response.status,
          fields: [...new Set(response.body.details?.map((detail: { field: string }) => detail.field))],
        }).toEqual({
          body,
          status: 400,
          fields: [field],
        });
      }
      expect(
        await api.fixtures.owner.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'provider.assigned' AND target_id = $1`,
          [mine.id],
        ),
      ).toEqual([{ n: 0 }]);
    });
  });

  it('lists an LSP of national size (1,100 providers) quickly', async () => {
    const big = await api.fixtures.tenant('big');
    const member = await api.fixtures.member(big, 'adviser', { mfa: true });
    const client = await new ApiClient(api.app).signIn(member.email, member.password, member.totpSecret);
    const prefix = `Q${String.fromCharCode(65 + Math.floor(Math.random() * 26))}`;
    await api.fixtures.owner.query(
      `INSERT INTO providers (tenant_id, ods_code, name, kind, service_type, size_band, local_authority, region, last_contact_at, has_ce_plus)
       SELECT $1, $2 || lpad(i::text, 4, '0'), 'Home ' || i, 'single_site', 'homecare', 'small', 'Leeds', 'London',
              CASE WHEN i % 3 = 0 THEN NULL ELSE now() - (i % 90) * interval '1 day' END, i % 7 = 0
       FROM generate_series(1, 1100) AS i`,
      [big.id, prefix],
    );
    await api.fixtures.owner.query(
      `INSERT INTO assessments (tenant_id, provider_id, cycle_id, mandatory_completed, mandatory_total, any_progress, status)
       SELECT $1, id, $2, (random() * 4)::int, 4, true, 'in_progress' FROM providers WHERE tenant_id = $1 AND random() < 0.8`,
      [big.id, near.id],
    );
    await api.fixtures.owner.query(
      `INSERT INTO tasks (tenant_id, provider_id, title, due_on) SELECT $1, id, 'Chase', current_date - 3 FROM providers WHERE tenant_id = $1 AND random() < 0.3`,
      [big.id],
    );
    // As autovacuum would soon after such a load: the planner needs row counts to pick hash joins.
    await api.fixtures.owner.query(`ANALYZE providers, assessments, tasks, publications`);
    const url = `/api/tenants/${big.slug}/providers?cycle=${near.code}&pageSize=50`;
    expect((await client.get(url)).body.total).toBe(1100);
    const started = performance.now();
    for (let run = 0; run < 5; run++) {
      expect((await client.get(url)).status).toBe(200);
    }
    // About 20 ms a request on a quiet 2-core machine; the bound only catches a query gone badly wrong.
    expect((performance.now() - started) / 5).toBeLessThan(500);
  });
});
