import { randomBytes } from 'node:crypto';
import {
  type CompletionStatistics,
  type CompletionTrend,
  LSP_STATS_GROUPINGS,
  type LspCompletionStatistics,
  STATS_GROUPINGS,
  type StatsFilters,
  type StatsGrouping,
} from '@dspt/contracts';
import {
  addDays,
  comparisonDay,
  type CompletionFigures,
  PROVIDER_STATUSES,
  protectBesideKnown,
  protectTable,
  type ProviderStatus,
  SERVICE_TYPES,
  type ShownFigures,
  showAll,
  SIZE_BANDS,
} from '@dspt/domain';
import { londonDate, JOB_SCHEDULERS, QUEUES, STATISTICS_JOBS, redisOptionsFromUrl } from '@dspt/server/platform';
import { StatsDatabase } from '@dspt/server/statistics';
import {
  ApiClient,
  type Fixtures,
  type FixtureTenant,
  type FixtureUser,
  type RunningProcess,
  startWorkerProcess,
} from '@dspt/server/testing';
import { Queue, QueueEvents } from 'bullmq';
import { type CountedGroup, StatisticsFixtures, type StatsProviderSeed } from '../testing/statistics-fixtures';
import { eventually } from '../testing/eventually';
import { useTestApi } from '../testing/use-test-api';

const PLACES = [
  { region: 'North East', localAuthority: 'Newcastle upon Tyne' },
  { region: 'North East', localAuthority: 'Sunderland' },
  { region: 'London', localAuthority: 'Camden' },
  { region: 'South West', localAuthority: 'Bristol' },
] as const;

/** Provider n of a varied set: every place, service type, size band and status; some archived, some never assessed. */
function seedFor(n: number): { current: StatsProviderSeed; previous?: { status: ProviderStatus; completed: number } } {
  const status = PROVIDER_STATUSES[n % PROVIDER_STATUSES.length];
  const completed =
    status === 'not_started' ? 0 : ['in_progress', 'approaching_standards'].includes(status) ? (n * 7) % 43 : 43;
  return {
    current: {
      ...PLACES[n % PLACES.length],
      serviceType: SERVICE_TYPES[(n * 5) % SERVICE_TYPES.length],
      sizeBand: SIZE_BANDS[(n * 3) % SIZE_BANDS.length],
      archived: n % 11 === 10,
      standing: n % 9 === 8 ? undefined : { status, completed },
    },
    previous:
      n % 4 === 3
        ? undefined
        : { status: PROVIDER_STATUSES[(n + 2) % PROVIDER_STATUSES.length], completed: (n * 5) % 44 },
  };
}

/** The figures of an answer's row (or of a count, as shown), without its key, label or last cycle. */
function figuresOf(row: ShownFigures): ShownFigures {
  return {
    total: row.total,
    counts: row.counts,
    metOrAboveShare: row.metOrAboveShare,
    medianMandatoryCompleted: row.medianMandatoryCompleted,
    hidden: row.hidden,
  };
}

function countedFigures({ key: _key, ...figures }: CountedGroup): CompletionFigures {
  return figures;
}

const NO_PROVIDERS: CompletionFigures = {
  total: 0,
  counts: Object.fromEntries(PROVIDER_STATUSES.map((status) => [status, 0])) as Record<ProviderStatus, number>,
  metOrAboveShare: null,
  medianMandatoryCompleted: null,
};

/**
 * The independent count as an answer must show it, by key: programme-wide (`protect`) with small numbers
 * hidden by the domain's rule (groups taken in the order of their keys, as the api does), an LSP's own whole.
 */
function asShown(
  groups: CountedGroup[],
  all: CountedGroup | undefined,
  smallNumbers: 'protect' | 'show',
): { rows: Array<{ key: string } & ShownFigures>; total: ShownFigures } {
  const keyed = groups
    .map((group) => ({ ...group, key: group.key as string }))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const total = all ? countedFigures(all) : NO_PROVIDERS;
  const shown =
    smallNumbers === 'protect'
      ? protectTable(keyed.map(countedFigures), total)
      : { rows: keyed.map((group) => showAll(countedFigures(group))), total: showAll(total) };
  return { rows: keyed.map((group, index) => ({ key: group.key, ...shown.rows[index] })), total: shown.total };
}

function query(parameters: Record<string, string | undefined>): string {
  const defined = Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return new URLSearchParams(defined).toString();
}

describe('completion statistics (GET /api/stats/*, GET /api/tenants/{slug}/stats/*)', () => {
  const api = useTestApi({ STATS_TARGET_PERCENT: '65' });
  let fixtures: Fixtures;
  let stats: StatisticsFixtures;
  let a: FixtureTenant;
  let b: FixtureTenant;
  let lead: ApiClient;
  let aViewer: ApiClient;
  let cycles: Awaited<ReturnType<StatisticsFixtures['cyclePair']>>;
  let aProviders: Array<{ id: string; name: string; odsCode: string }>;

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);

  beforeAll(async () => {
    fixtures = api.fixtures;
    stats = new StatisticsFixtures(fixtures.owner);
    [a, b] = [await fixtures.tenant('stats-a'), await fixtures.tenant('stats-b')];
    lead = await signIn(await fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true }));
    aViewer = await signIn(await fixtures.member(a, 'viewer', { mfa: true }));
    cycles = await stats.cyclePair();
    aProviders = [];
    for (let n = 0; n < 36; n++) {
      const tenant = n % 3 === 0 ? b : a;
      const seed = seedFor(n);
      const provider = await stats.provider(tenant, cycles.current.id, seed.current);
      if (tenant === a) {
        aProviders.push(provider);
      }
      if (seed.previous) {
        await stats.setStanding(tenant, provider.id, cycles.previous.id, seed.previous);
      }
    }
  });

  const completion = async (parameters: { groupBy?: StatsGrouping } & StatsFilters, cycle = cycles.current.code) => {
    const response = await lead.get(`/api/stats/completion?${query({ cycle, ...parameters })}`);
    expect({ status: response.status, body: response.status === 200 ? 'ok' : response.body }).toEqual({
      status: 200,
      body: 'ok',
    });
    return response.body as CompletionStatistics;
  };

  const expectFiguresToEqualCount = async (
    answer: CompletionStatistics,
    cycleId: string,
    filters: StatsFilters,
    smallNumbers: 'protect' | 'show' = 'protect',
  ) => {
    const counted = await stats.count(cycleId, answer.groupBy, filters);
    const [all] = await stats.count(cycleId, null, filters);
    const expected = asShown(counted, all, smallNumbers);
    expect(
      answer.rows.map((row) => ({ key: row.key, ...figuresOf(row) })).sort((x, y) => x.key.localeCompare(y.key)),
    ).toEqual(expected.rows.sort((x, y) => x.key.localeCompare(y.key)));
    expect(figuresOf(answer.total)).toEqual(expected.total);
  };

  it('equals the count by completionFigures, the domain rule, over the caseload for every grouping, alone and with filters combined', async () => {
    const filterSets: StatsFilters[] = [
      {},
      { region: 'North East' },
      { tenant: a.slug, serviceType: SERVICE_TYPES[0] },
      { sizeBand: 'small', localAuthority: 'Camden' },
      { region: 'London', tenant: b.slug, sizeBand: SIZE_BANDS[2] },
    ];
    for (const groupBy of STATS_GROUPINGS) {
      for (const filters of filterSets) {
        const answer = await completion({ groupBy, ...filters });
        expect({ groupBy: answer.groupBy, filters: answer.filters }).toEqual({ groupBy, filters });
        await expectFiguresToEqualCount(answer, cycles.current.id, filters);
      }
    }
    // The contract's shape, with labels people read.
    const byType = await completion({ groupBy: 'serviceType', tenant: a.slug });
    expect(byType.rows.map((row) => row.label)).toEqual(
      expect.arrayContaining(['Care home (residential)', 'Homecare', 'Day care']),
    );
    const byLsp = await completion({ groupBy: 'tenant' });
    expect(byLsp.rows.find((row) => row.key === a.slug)?.label).toBe(a.name);
    expect(byLsp.targetShare).toBe(0.65);
  });

  it('hides from a programme lead a provider that filters single out, and what a subtraction from the totals would give back; not from its own LSP', async () => {
    const tenant = await fixtures.tenant('stats-small');
    const other = await fixtures.tenant('stats-small-2');
    const member = await signIn(await fixtures.member(tenant, 'viewer', { mfa: true }));
    // A local authority of this test's own: other suites' providers (the demo seed's, say) share the database.
    const LEEDS = `Leeds ${randomBytes(3).toString('hex')}`;
    const place = (localAuthority: string) => ({
      region: 'Yorkshire and The Humber' as const,
      localAuthority,
      serviceType: 'homecare' as const,
      sizeBand: 'small' as const,
    });
    // Leeds: one homecare provider, at Standards Met with 43 items done. Bradford 6 and Wakefield 7 beside it.
    await stats.provider(tenant, cycles.current.id, {
      ...place(LEEDS),
      standing: { status: 'standards_met', completed: 43 },
    });
    for (let n = 0; n < 6; n++) {
      await stats.provider(tenant, cycles.current.id, {
        ...place('Bradford'),
        standing: { status: 'in_progress', completed: 10 + n },
      });
    }
    for (let n = 0; n < 7; n++) {
      const status = n < 5 ? 'standards_met' : 'not_started';
      await stats.provider(tenant, cycles.current.id, {
        ...place('Wakefield'),
        standing: { status, completed: status === 'not_started' ? 0 : 43 },
      });
    }
    const filters = { tenant: tenant.slug, serviceType: 'homecare' as const };

    const answer = await completion({ groupBy: 'localAuthority', ...filters });
    const leeds = answer.rows.find((row) => row.key === LEEDS);
    expect(leeds).toMatchObject({
      total: null,
      metOrAboveShare: null,
      medianMandatoryCompleted: null,
      counts: Object.fromEntries(PROVIDER_STATUSES.map((status) => [status, null])),
    });
    expect(leeds?.hidden).toEqual(expect.arrayContaining(['total', 'standards_met', 'medianMandatoryCompleted']));
    // The total stays (14 providers, 6 at Standards Met): the total minus the other rows gives nothing back.
    expect(answer.total).toMatchObject({ total: 14, counts: { standards_met: 6, in_progress: 6, not_started: null } });
    const columns = [
      { name: 'total', of: (row: ShownFigures) => row.total },
      ...PROVIDER_STATUSES.map((status) => ({ name: status, of: (row: ShownFigures) => row.counts[status] })),
    ];
    for (const column of columns) {
      const hidden = answer.rows.filter((row) => column.of(row) === null).length;
      expect({ column: column.name, alone: column.of(answer.total) !== null && hidden === 1 }).toEqual({
        column: column.name,
        alone: false,
      });
    }
    await expectFiguresToEqualCount(answer, cycles.current.id, filters);
    // Filtered down to Leeds, grouped any way: hidden too, the total as well.
    for (const groupBy of STATS_GROUPINGS) {
      const single = await completion({ groupBy, ...filters, localAuthority: LEEDS });
      expect({ groupBy, rows: single.rows.map((row) => row.total), total: single.total.total }).toEqual({
        groupBy,
        rows: [null],
        total: null,
      });
    }

    // The LSP's own member sees its own casework whole.
    const own = (
      await member.get(
        `/api/tenants/${tenant.slug}/stats/completion?${query({ cycle: cycles.current.code, groupBy: 'localAuthority', serviceType: 'homecare' })}`,
      )
    ).body as LspCompletionStatistics;
    expect(own.rows.find((row) => row.key === LEEDS)).toMatchObject({
      total: 1,
      counts: { standards_met: 1 },
      medianMandatoryCompleted: 43,
      hidden: [],
    });
    // ...but not another LSP's single provider through England's total beside its own.
    await stats.provider(other, cycles.current.id, {
      ...place(LEEDS),
      standing: { status: 'standards_exceeded', completed: 43 },
    });
    const beside = await eventually(
      async () =>
        (
          await member.get(
            `/api/tenants/${tenant.slug}/stats/completion?${query({ cycle: cycles.current.code, serviceType: 'homecare', localAuthority: LEEDS })}`,
          )
        ).body as LspCompletionStatistics,
      (body) => body.national.total !== 1,
    );
    expect(beside.total).toMatchObject({ total: 1, hidden: [] });
    expect(beside.national).toMatchObject({
      total: null,
      counts: { standards_exceeded: null },
      medianMandatoryCompleted: null,
    });
    const byLsp = await completion({ groupBy: 'tenant', serviceType: 'homecare', localAuthority: LEEDS });
    expect(byLsp.rows.map((row) => row.total)).toEqual([null, null]);
    expect(byLsp.total.total).toBeNull();
  });

  it("compares with last cycle's snapshot at the same number of days before its deadline, and says when there is none", async () => {
    const { daysToDeadline, previousDay } = comparisonDay(
      londonDate(new Date()),
      cycles.current.deadline,
      cycles.previous.deadline,
    );
    const before = await completion({ groupBy: 'region', tenant: a.slug });
    expect(before.previousCycle).toEqual({
      cycle: cycles.previous.code,
      day: previousDay,
      daysToDeadline,
      available: false,
      message: `No snapshot of ${cycles.previous.code} was taken ${daysToDeadline} days before its deadline (${previousDay}), so there is nothing to compare with.`,
    });
    expect(before.rows.every((row) => row.previous === null) && before.total.previous === null).toBe(true);

    const atSnapshot = await stats.count(cycles.previous.id, 'region', { tenant: a.slug });
    const [allAtSnapshot] = await stats.count(cycles.previous.id, null, { tenant: a.slug });
    await stats.snapshot(cycles.previous.id, previousDay);
    // Last cycle changes afterwards: the comparison keeps what the snapshot saw.
    await stats.setStanding(a, aProviders[0].id, cycles.previous.id, { status: 'standards_exceeded', completed: 43 });

    const after = await eventually(
      () => completion({ groupBy: 'region', tenant: a.slug }),
      (answer) => answer.previousCycle.available,
    );
    expect(after.previousCycle).toMatchObject({
      available: true,
      day: previousDay,
      message: expect.stringContaining(`Compared with ${cycles.previous.code} on ${previousDay}`),
    });
    const shownAtSnapshot = asShown(atSnapshot, allAtSnapshot, 'protect');
    for (const row of after.rows) {
      const counted = shownAtSnapshot.rows.find((group) => group.key === row.key);
      expect({ region: row.key, previous: row.previous }).toEqual({
        region: row.key,
        previous: counted ? figuresOf(counted) : null,
      });
    }
    expect(after.total.previous).toEqual(shownAtSnapshot.total);
  });

  it('counts an HQ publication covering branches once for each branch, never twice', async () => {
    const tenant = await fixtures.tenant('stats-hq');
    const adviser = await signIn(await fixtures.member(tenant, 'adviser', { mfa: true }));
    const cycle = await fixtures.cycleWithQuestions('2013-14', [
      { code: '1.1.1', section: 'Staffing and Roles', level: 'AS' },
      { code: '4.1.1', section: 'Data Security', level: 'SM' },
      { code: '7.1.1', section: 'Data Security', level: 'none' },
    ]);
    const hq = await fixtures.provider(tenant, { kind: 'hq' });
    const covered = [
      await fixtures.provider(tenant, { kind: 'branch', parentId: hq.id }),
      await fixtures.provider(tenant, { kind: 'branch', parentId: hq.id }),
    ];
    await fixtures.provider(tenant, { kind: 'branch', parentId: hq.id });
    const published = await adviser.post(`/api/tenants/${tenant.slug}/providers/${hq.id}/publications`, {
      level: 'standards_met',
      publishedOn: '2014-05-10',
      completeItems: ['1.1.1', '4.1.1'],
      coversBranchIds: covered.map((branch) => branch.id),
    });
    expect(published.status).toBe(201);
    const [{ n: publicationRows }] = await fixtures.owner.query(
      `SELECT count(*)::int AS n FROM publications WHERE tenant_id = $1`,
      [tenant.id],
    );
    expect(publicationRows).toBe(3);

    // Four providers: the LSP's own figures (a programme lead sees them hidden, fewer than five).
    const own = await adviser.get(`/api/tenants/${tenant.slug}/stats/completion?cycle=${cycle.code}&groupBy=sizeBand`);
    expect(own.status).toBe(200);
    const answer = own.body as LspCompletionStatistics;
    expect(answer.total).toMatchObject({
      total: 4,
      metOrAboveShare: 0.75,
      counts: { standards_met: 3, not_started: 1 },
      hidden: [],
    });
    await expectFiguresToEqualCount(answer, cycle.id, { tenant: tenant.slug }, 'show');
    const programmeWide = await completion({ groupBy: 'tenant', tenant: tenant.slug }, cycle.code);
    expect(programmeWide.rows[0]).toMatchObject({ key: tenant.slug, total: null, counts: { standards_met: null } });
  });

  it('keeps up with every change: answers follow each committed write as soon as it is notified', async () => {
    // The LSP's own figures: every count is shown, however small.
    const ownCompletion = async (groupBy: StatsGrouping) => {
      const response = await aViewer.get(
        `/api/tenants/${a.slug}/stats/completion?${query({ cycle: cycles.current.code, groupBy })}`,
      );
      expect(response.status).toBe(200);
      const answer = response.body as LspCompletionStatistics;
      return { ...answer, rows: [answer.total] };
    };
    const first = await ownCompletion('region');
    const target =
      aProviders.find((_provider, index) => seedFor(index).current.standing?.status === 'in_progress') ?? aProviders[1];
    await stats.setStanding(a, target.id, cycles.current.id, { status: 'standards_met', completed: 43 });
    const second = await eventually(
      () => ownCompletion('region'),
      (answer) => answer.rows[0].counts.standards_met !== first.rows[0].counts.standards_met,
    );
    expect(second.rows[0].counts.standards_met).toBe((first.rows[0].counts.standards_met ?? 0) + 1);
    // Programme-wide, the same change, with small numbers hidden.
    await expectFiguresToEqualCount(
      await eventually(
        () => completion({ groupBy: 'tenant', tenant: a.slug }),
        (answer) => answer.total.total === second.total.total,
      ),
      cycles.current.id,
      { tenant: a.slug },
    );

    await fixtures.owner.query(`UPDATE providers SET archived_at = now() WHERE id = $1`, [target.id]);
    const third = await eventually(
      () => ownCompletion('region'),
      (answer) => answer.rows[0].total !== second.rows[0].total,
    );
    expect(third.rows[0].total).toBe((second.rows[0].total ?? 0) - 1);
    await fixtures.owner.query(
      `UPDATE providers SET archived_at = NULL, size_band = 'large', local_authority = 'Sunderland' WHERE id = $1`,
      [target.id],
    );
    const moved = await eventually(
      () => completion({ groupBy: 'sizeBand', tenant: a.slug }),
      (answer) => answer.total.total === second.rows[0].total,
    );
    await expectFiguresToEqualCount(moved, cycles.current.id, { tenant: a.slug });
    const movedOwn = (
      await aViewer.get(
        `/api/tenants/${a.slug}/stats/completion?${query({ cycle: cycles.current.code, groupBy: 'sizeBand' })}`,
      )
    ).body as LspCompletionStatistics;
    await expectFiguresToEqualCount(movedOwn, cycles.current.id, { tenant: a.slug }, 'show');
  });

  it('counts a transaction of many statements once, at commit, to the same figures', async () => {
    const cell = `SELECT providers, standards_met FROM stats_completion_cells
                  WHERE tenant_id = $1 AND cycle_id = $2 AND local_authority = 'Bulk Town'`;
    const pending = `SELECT count(*)::int AS n FROM stats_pending_cells`;
    // As an import writes: providers batch after batch, then their assessments.
    await fixtures.owner.transaction(async (manager) => {
      for (const batch of [0, 1]) {
        await manager.query(
          `INSERT INTO providers (tenant_id, ods_code, name, kind, service_type, size_band, local_authority, region)
           SELECT $1, 'Z' || upper(substr(md5(random()::text), 1, 5)), 'Bulk ' || $2 || '-' || n, 'single_site',
                  'homecare', 'small', 'Bulk Town', 'North East'
           FROM generate_series(1, 3) n`,
          [a.id, batch],
        );
      }
      await manager.query(
        `INSERT INTO assessments (tenant_id, provider_id, cycle_id, mandatory_completed, mandatory_total, any_progress, status)
         SELECT tenant_id, id, $2, 43, 43, true, 'standards_met' FROM providers
         WHERE tenant_id = $1 AND local_authority = 'Bulk Town' AND name LIKE 'Bulk 0-%'`,
        [a.id, cycles.current.id],
      );
      expect(await manager.query(cell, [a.id, cycles.current.id])).toEqual([]);
      expect((await manager.query(pending))[0].n).toBeGreaterThan(0);
    });
    expect(await fixtures.owner.query(cell, [a.id, cycles.current.id])).toEqual([{ providers: 6, standards_met: 3 }]);
    expect((await fixtures.owner.query(pending))[0].n).toBe(0);
  });

  it("shows an LSP's users their own LSP, with England's total beside it", async () => {
    for (const groupBy of LSP_STATS_GROUPINGS) {
      const response = await aViewer.get(
        `/api/tenants/${a.slug}/stats/completion?${query({ cycle: cycles.current.code, groupBy })}`,
      );
      expect(response.status).toBe(200);
      const answer = response.body as LspCompletionStatistics;
      expect(answer.tenant).toEqual({ slug: a.slug, name: a.name });
      await expectFiguresToEqualCount(answer, cycles.current.id, { tenant: a.slug }, 'show');
      // England beside it: what would single out another LSP's providers is hidden.
      const [england] = await stats.count(cycles.current.id, null);
      const [own] = await stats.count(cycles.current.id, null, { tenant: a.slug });
      expect(figuresOf(answer.national)).toEqual(protectBesideKnown(countedFigures(england), countedFigures(own)));
    }
    const filtered = (
      await aViewer.get(
        `/api/tenants/${a.slug}/stats/completion?${query({ cycle: cycles.current.code, region: 'London' })}`,
      )
    ).body as LspCompletionStatistics;
    await expectFiguresToEqualCount(filtered, cycles.current.id, { tenant: a.slug, region: 'London' }, 'show');

    expect((await aViewer.get(`/api/tenants/${b.slug}/stats/completion`)).status).toBe(403);
    const trend = await aViewer.get(`/api/tenants/${a.slug}/stats/trend?cycle=${cycles.current.code}`);
    expect(trend.status).toBe(200);
    const options = await aViewer.get(`/api/tenants/${a.slug}/stats/options`);
    expect(options.body).toMatchObject({ tenants: [] });
    expect(
      (options.body as { localAuthorities: Array<{ name: string }> }).localAuthorities.map(
        (authority) => authority.name,
      ),
    ).not.toContain('Leeds');
  });

  it('names every bad parameter in a 400, and answers 404 for a cycle that is not loaded', async () => {
    const cases: Array<[string, string]> = [
      ['groupBy=provider', 'groupBy'],
      ['region=Wales', 'region'],
      ['serviceType=hospital', 'serviceType'],
      ['sizeBand=huge', 'sizeBand'],
      ['tenant=no-such-lsp', 'tenant'],
      ['cycle=2025', 'cycle'],
      ['provider=x', 'provider'],
    ];
    for (const [parameters, field] of cases) {
      const response = await lead.get(
        `/api/stats/completion?${parameters.startsWith('cycle=') ? '' : `cycle=${cycles.current.code}&`}${parameters}`,
      );
      expect({ parameters, status: response.status, message: JSON.stringify(response.body) }).toEqual({
        parameters,
        status: 400,
        message: expect.stringContaining(field),
      });
    }
    expect((await lead.get('/api/stats/completion?cycle=1901-02')).status).toBe(404);
    for (const parameters of ['groupBy=tenant', `tenant=${a.slug}`]) {
      const response = await aViewer.get(`/api/tenants/${a.slug}/stats/completion?${parameters}`);
      expect({ parameters, status: response.status }).toEqual({ parameters, status: 400 });
    }
  });

  it('answers no provider name, ODS code or email address, in any grouping of any statistics route', async () => {
    const secrets: string[] = (
      await fixtures.owner.query(
        `SELECT p.name, p.ods_code, c.email FROM providers p LEFT JOIN provider_contacts c ON c.provider_id = p.id WHERE p.tenant_id IN ($1, $2)`,
        [a.id, b.id],
      )
    ).flatMap((row: { name: string; ods_code: string; email: string | null }) => [
      row.name,
      row.ods_code,
      row.email ?? row.name,
    ]);
    const bodies: unknown[] = [];
    for (const groupBy of STATS_GROUPINGS) {
      bodies.push(await completion({ groupBy }), await completion({ groupBy, tenant: a.slug, region: 'North East' }));
    }
    for (const groupBy of LSP_STATS_GROUPINGS) {
      bodies.push(
        (await aViewer.get(`/api/tenants/${a.slug}/stats/completion?${query({ cycle: cycles.current.code, groupBy })}`))
          .body,
      );
    }
    for (const path of [
      `/api/stats/trend?cycle=${cycles.current.code}`,
      `/api/stats/trend?cycle=${cycles.current.code}&tenant=${a.slug}`,
      '/api/stats/options',
    ]) {
      const response = await lead.get(path);
      expect(response.status).toBe(200);
      bodies.push(response.body);
    }
    bodies.push(
      (await aViewer.get(`/api/tenants/${a.slug}/stats/trend?cycle=${cycles.current.code}`)).body,
      (await aViewer.get(`/api/tenants/${a.slug}/stats/options`)).body,
    );
    for (const body of bodies) {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it('reads programme-wide figures as a database role that can read aggregates and nothing else', async () => {
    const database = api.app.get(StatsDatabase);
    const [role] = await database.programmeWide((manager) => manager.query(`SELECT current_user AS name`));
    expect(role.name).toBe('dspt_stats');
    for (const sql of [
      'SELECT name FROM providers',
      'SELECT email FROM provider_contacts',
      'SELECT body FROM case_notes',
      'SELECT title FROM tasks',
      'SELECT email FROM users',
      'SELECT status FROM assessments',
      'SELECT action FROM audit_events',
      'SELECT * FROM tenants',
    ]) {
      await expect(database.programmeWide((manager) => manager.query(sql))).rejects.toThrow(/permission denied/);
    }
    const [cells] = await database.programmeWide((manager) =>
      manager.query(`SELECT count(DISTINCT tenant_id)::int AS lsps FROM stats_completion_cells`),
    );
    expect(cells.lsps).toBeGreaterThanOrEqual(2);
    // The app role may switch to it but does not inherit its rights (row-level security keeps it to one LSP).
    const [app] = await fixtures.owner.query(`SELECT rolinherit FROM pg_roles WHERE rolname = 'dspt_app'`);
    expect(app.rolinherit).toBe(false);
  });
});

describe('daily completion snapshots and the trend', () => {
  const api = useTestApi();
  let worker: RunningProcess | undefined;
  let stats: StatisticsFixtures;
  let lead: ApiClient;

  beforeAll(async () => {
    stats = new StatisticsFixtures(api.fixtures.owner);
    const user = await api.fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true });
    lead = await new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it('is scheduled every day at 23:50, London time, by the one list of job schedulers', () => {
    expect(JOB_SCHEDULERS).toContainEqual({
      id: 'daily-statistics-snapshot',
      queue: QUEUES.statistics,
      pattern: '50 23 * * *',
      tz: 'Europe/London',
      jobName: STATISTICS_JOBS.snapshot,
    });
  });

  it("has a worker take today's snapshot of every cycle under way: once per day, however often it runs", async () => {
    const today = londonDate(new Date());
    const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 7 ? 0 : 1);
    await api.fixtures.owner.query(
      `INSERT INTO assessment_cycles (code, starts_on, deadline) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
      [`${year}-${String((year + 1) % 100).padStart(2, '0')}`, `${year}-07-01`, `${year + 1}-06-30`],
    );
    const [current] = await api.fixtures.owner.query(
      `SELECT id FROM assessment_cycles WHERE starts_on <= $1 AND deadline >= $1`,
      [today],
    );
    const tenant = await api.fixtures.tenant('snap');
    await stats.provider(tenant, current.id, {
      region: 'London',
      localAuthority: 'Camden',
      serviceType: 'homecare',
      sizeBand: 'micro',
      standing: { status: 'in_progress', completed: 5 },
    });

    worker = await startWorkerProcess(api.env);
    const connection = redisOptionsFromUrl(api.env['REDIS_URL'], 'queue');
    const queue = new Queue(QUEUES.statistics, { connection, prefix: api.env['REDIS_PREFIX'] });
    const events = new QueueEvents(QUEUES.statistics, { connection, prefix: api.env['REDIS_PREFIX'] });
    await events.waitUntilReady();
    const snapshotRows = () =>
      api.fixtures.owner.query(
        `SELECT s.tenant_id, s.local_authority, s.service_type, s.size_band, s.providers, s.in_progress, s.days_to_deadline
         FROM stats_snapshots s WHERE s.cycle_id = $1 AND s.day = $2 ORDER BY 1, 2, 3, 4`,
        [current.id, today],
      );
    try {
      const results: unknown[] = [];
      for (let run = 0; run < 2; run++) {
        const job = await queue.add(STATISTICS_JOBS.snapshot, {});
        results.push(await job.waitUntilFinished(events, 30_000));
      }
      expect(results[1]).toEqual(expect.arrayContaining([expect.objectContaining({ day: today })]));
      const rows = await snapshotRows();
      const [cells] = await api.fixtures.owner.query(
        `SELECT count(*)::int AS n FROM stats_completion_cells WHERE cycle_id = $1 AND providers > 0`,
        [current.id],
      );
      expect(rows).toHaveLength(cells.n);
      expect(rows).toContainEqual(
        expect.objectContaining({ tenant_id: tenant.id, local_authority: 'Camden', providers: 1, in_progress: 1 }),
      );
      const runs = await api.fixtures.owner.query(
        `SELECT revision::int, cells FROM stats_snapshot_runs WHERE cycle_id = $1 AND day = $2`,
        [current.id, today],
      );
      expect(runs).toEqual([{ revision: 2, cells: cells.n }]);
    } finally {
      await queue.close();
      await events.close();
    }
  });

  it('lines the two cycles up by days to the deadline', async () => {
    const cycles = await stats.cyclePair();
    const tenant = await api.fixtures.tenant('trend');
    const provider = await stats.provider(tenant, cycles.current.id, {
      region: 'South West',
      localAuthority: 'Bristol',
      serviceType: 'day_care',
      sizeBand: 'large',
    });
    await stats.setStanding(tenant, provider.id, cycles.previous.id, { status: 'in_progress', completed: 3 });
    const second = await stats.provider(tenant, cycles.current.id, {
      region: 'South West',
      localAuthority: 'Bristol',
      serviceType: 'day_care',
      sizeBand: 'large',
    });
    await stats.setStanding(tenant, second.id, cycles.previous.id, { status: 'in_progress', completed: 3 });
    // Last cycle 100 and 99 days before its deadline; this one 100 days before, taken twice (one point).
    await stats.snapshot(cycles.previous.id, addDays(cycles.previous.deadline, -100));
    await stats.setStanding(tenant, provider.id, cycles.previous.id, { status: 'standards_met', completed: 43 });
    await stats.snapshot(cycles.previous.id, addDays(cycles.previous.deadline, -99));
    await stats.setStanding(tenant, provider.id, cycles.current.id, { status: 'standards_exceeded', completed: 43 });
    await stats.snapshot(cycles.current.id, addDays(cycles.current.deadline, -100));
    await stats.snapshot(cycles.current.id, addDays(cycles.current.deadline, -100));

    // Two providers: the LSP's own trend shows them; programme-wide, every point is hidden.
    const member = await api.fixtures.member(tenant, 'viewer', { mfa: true });
    const viewer = await new ApiClient(api.app).signIn(member.email, member.password, member.totpSecret);
    const ownTrend = `/api/tenants/${tenant.slug}/stats/trend?cycle=${cycles.current.code}`;
    const response = await viewer.get(ownTrend);
    expect(response.status).toBe(200);
    const trend = response.body as CompletionTrend;
    const programmeWide = (await lead.get(`/api/stats/trend?cycle=${cycles.current.code}&tenant=${tenant.slug}`))
      .body as CompletionTrend;
    expect(
      [...programmeWide.current.points, ...(programmeWide.previous?.points ?? [])].map((point) => [
        point.total,
        point.metOrAboveShare,
        point.counts.standards_exceeded,
        point.hidden.includes('total'),
      ]),
    ).toEqual([
      [null, null, null, true],
      [null, null, null, true],
      [null, null, null, true],
    ]);
    expect(trend.current).toEqual({
      cycle: cycles.current.code,
      deadline: cycles.current.deadline,
      points: [
        {
          day: addDays(cycles.current.deadline, -100),
          daysToDeadline: 100,
          total: 2,
          counts: {
            not_started: 1,
            in_progress: 0,
            ready_to_publish: 0,
            approaching_standards: 0,
            standards_met: 0,
            standards_exceeded: 1,
          },
          metOrAboveShare: 0.5,
          hidden: [],
        },
      ],
    });
    expect(
      trend.previous?.points.map((point) => [
        point.daysToDeadline,
        point.counts.in_progress,
        point.counts.standards_met,
        point.metOrAboveShare,
      ]),
    ).toEqual([
      [100, 2, 0, 0],
      [99, 1, 1, 0.5],
    ]);
    expect(trend.targetShare).toBe(0.7);

    // Kept while only today's cells are recounted; a new snapshot is in the next answer.
    await stats.setStanding(tenant, second.id, cycles.current.id, { status: 'in_progress', completed: 5 });
    await stats.snapshot(cycles.current.id, addDays(cycles.current.deadline, -99));
    const next = await eventually(
      async () => (await viewer.get(ownTrend)).body as CompletionTrend,
      (answer) => answer.current.points.length === 2,
    );
    expect(next.current.points.map((point) => [point.daysToDeadline, point.counts.in_progress])).toEqual([
      [100, 0],
      [99, 1],
    ]);
  });
});

describe("today's point of the trend and the headline", () => {
  const api = useTestApi();

  it('agree: once a snapshot has been taken today, later changes show in both, with the same share', async () => {
    const stats = new StatisticsFixtures(api.fixtures.owner);
    // The cycle under way today (the day the api's clock reads), in this test's own database.
    const today = londonDate(new Date());
    const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 7 ? 0 : 1);
    const code = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
    await api.fixtures.owner.query(
      `INSERT INTO assessment_cycles (code, starts_on, deadline) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
      [code, `${year}-07-01`, `${year + 1}-06-30`],
    );
    const [cycle] = await api.fixtures.owner.query(`SELECT id FROM assessment_cycles WHERE code = $1`, [code]);
    const tenant = await api.fixtures.tenant('today');
    const providers = [];
    for (let n = 0; n < 16; n++) {
      providers.push(
        await stats.provider(tenant, cycle.id, {
          region: 'London',
          localAuthority: 'Camden',
          serviceType: 'homecare',
          sizeBand: 'small',
          standing: { status: n < 6 ? 'standards_met' : 'in_progress', completed: n < 6 ? 43 : 10 },
        }),
      );
    }
    await stats.snapshot(cycle.id, today);
    // Two more at Standards Met after today's snapshot: 8 of 16 now, 6 of 16 in the snapshot.
    for (const provider of providers.slice(6, 8)) {
      await stats.setStanding(tenant, provider.id, cycle.id, { status: 'standards_met', completed: 43 });
    }
    const leadUser = await api.fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true });
    const lead = await new ApiClient(api.app).signIn(leadUser.email, leadUser.password, leadUser.totpSecret);
    const member = await api.fixtures.member(tenant, 'viewer', { mfa: true });
    const viewer = await new ApiClient(api.app).signIn(member.email, member.password, member.totpSecret);

    // Other tests of this file add providers to today's cycle: the lead looks at this LSP only.
    for (const [client, base, filters] of [
      [lead, `/api/stats`, `cycle=${code}&serviceType=homecare&tenant=${tenant.slug}`],
      [viewer, `/api/tenants/${tenant.slug}/stats`, `cycle=${code}&serviceType=homecare`],
    ] as const) {
      const headline = await eventually(
        async () => (await client.get(`${base}/completion?${filters}`)).body as CompletionStatistics,
        (answer) => answer.total.metOrAboveShare === 0.5,
      );
      expect(headline.total.metOrAboveShare).toBe(0.5);
      const trend = (await client.get(`${base}/trend?${filters}`)).body as CompletionTrend;
      const point = trend.current.points.find((candidate) => candidate.day === today);
      expect(point).toMatchObject({
        total: headline.total.total,
        counts: headline.total.counts,
        metOrAboveShare: headline.total.metOrAboveShare,
        daysToDeadline: headline.daysToDeadline,
      });
    }
  });
});
