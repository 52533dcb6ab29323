import {
  type CompletionRow,
  type CompletionStatistics,
  type CompletionTrend,
  LSP_STATS_GROUPINGS,
  type LspCompletionStatistics,
  STATS_GROUPINGS,
  type StatsFilters,
  type StatsGrouping,
} from '@dspt/contracts';
import { addDays, comparisonDay, PROVIDER_STATUSES, type ProviderStatus, SERVICE_TYPES, SIZE_BANDS } from '@dspt/domain';
import { londonDate } from '@dspt/server/config';
import { JOB_SCHEDULERS, QUEUES, STATISTICS_JOBS } from '@dspt/server/queue';
import { redisOptionsFromUrl } from '@dspt/server/redis';
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
import { type CountedGroup, StatisticsFixtures, type StatsProviderSeed } from './testing/statistics-fixtures';
import { eventually } from './testing/eventually';
import { useTestApi } from './testing/use-test-api';

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
    previous: n % 4 === 3 ? undefined : { status: PROVIDER_STATUSES[(n + 2) % PROVIDER_STATUSES.length], completed: (n * 5) % 44 },
  };
}

/** The endpoint's figures of a row, shaped like the independent count's. */
function figuresOf(row: Omit<CompletionRow, 'key' | 'label' | 'previous'>): Omit<CountedGroup, 'key'> {
  return {
    total: row.total,
    counts: row.counts,
    metOrAboveShare: row.metOrAboveShare,
    medianMandatoryCompleted: row.medianMandatoryCompleted,
  };
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

  const expectFiguresToEqualCount = async (answer: CompletionStatistics, cycleId: string, filters: StatsFilters) => {
    const counted = await stats.count(cycleId, answer.groupBy, filters);
    const [all] = await stats.count(cycleId, null, filters);
    expect(
      answer.rows.map((row) => ({ key: row.key, ...figuresOf(row) })).sort((x, y) => x.key.localeCompare(y.key)),
    ).toEqual(
      counted
        .map((group) => ({ ...group, key: group.key as string }))
        .sort((x, y) => (x.key as string).localeCompare(y.key as string)),
    );
    const none = {
      total: 0,
      counts: Object.fromEntries(PROVIDER_STATUSES.map((status) => [status, 0])),
      metOrAboveShare: null,
      medianMandatoryCompleted: null,
    };
    expect(figuresOf(answer.total)).toEqual(all ? figuresOf(all) : none);
  };

  it('equals an independent SQL count over the caseload for every grouping, alone and with filters combined', async () => {
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
    for (const row of after.rows) {
      const counted = atSnapshot.find((group) => group.key === row.key);
      expect({ region: row.key, previous: row.previous }).toEqual({
        region: row.key,
        previous: counted ? figuresOf(counted) : null,
      });
    }
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

    const answer = await completion({ groupBy: 'tenant', tenant: tenant.slug }, cycle.code);
    expect(answer.rows).toHaveLength(1);
    expect(answer.rows[0]).toMatchObject({
      key: tenant.slug,
      total: 4,
      metOrAboveShare: 0.75,
      counts: { standards_met: 3, not_started: 1 },
    });
    await expectFiguresToEqualCount(answer, cycle.id, { tenant: tenant.slug });
  });

  it('keeps up with every change: answers follow each committed write as soon as it is notified', async () => {
    const first = await completion({ groupBy: 'tenant', tenant: a.slug });
    const target =
      aProviders.find((_provider, index) => seedFor(index).current.standing?.status === 'in_progress') ?? aProviders[1];
    await stats.setStanding(a, target.id, cycles.current.id, { status: 'standards_met', completed: 43 });
    const second = await eventually(
      () => completion({ groupBy: 'tenant', tenant: a.slug }),
      (answer) => answer.rows[0].counts.standards_met !== first.rows[0].counts.standards_met,
    );
    expect(second.rows[0].counts.standards_met).toBe(first.rows[0].counts.standards_met + 1);
    await expectFiguresToEqualCount(second, cycles.current.id, { tenant: a.slug });

    await fixtures.owner.query(`UPDATE providers SET archived_at = now() WHERE id = $1`, [target.id]);
    const third = await eventually(
      () => completion({ groupBy: 'tenant', tenant: a.slug }),
      (answer) => answer.rows[0].total !== second.rows[0].total,
    );
    expect(third.rows[0].total).toBe(second.rows[0].total - 1);
    await fixtures.owner.query(
      `UPDATE providers SET archived_at = NULL, size_band = 'large', local_authority = 'Sunderland' WHERE id = $1`,
      [target.id],
    );
    const moved = await eventually(
      () => completion({ groupBy: 'sizeBand', tenant: a.slug }),
      (answer) => answer.total.total === second.rows[0].total,
    );
    await expectFiguresToEqualCount(moved, cycles.current.id, { tenant: a.slug });
  });

  it("shows an LSP's users their own LSP, with England's total beside it", async () => {
    for (const groupBy of LSP_STATS_GROUPINGS) {
      const response = await aViewer.get(
        `/api/tenants/${a.slug}/stats/completion?${query({ cycle: cycles.current.code, groupBy })}`,
      );
      expect(response.status).toBe(200);
      const answer = response.body as LspCompletionStatistics;
      expect(answer.tenant).toEqual({ slug: a.slug, name: a.name });
      await expectFiguresToEqualCount(answer, cycles.current.id, { tenant: a.slug });
      const [england] = await stats.count(cycles.current.id, null);
      expect(figuresOf(answer.national)).toEqual(figuresOf(england as CompletionRow));
    }
    const filtered = (
      await aViewer.get(
        `/api/tenants/${a.slug}/stats/completion?${query({ cycle: cycles.current.code, region: 'London' })}`,
      )
    ).body as LspCompletionStatistics;
    await expectFiguresToEqualCount(filtered, cycles.current.id, { tenant: a.slug, region: 'London' });

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

    const response = await lead.get(`/api/stats/trend?cycle=${cycles.current.code}&tenant=${tenant.slug}`);
    expect(response.status).toBe(200);
    const trend = response.body as CompletionTrend;
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
      async () => (await lead.get(`/api/stats/trend?cycle=${cycles.current.code}&tenant=${tenant.slug}`)).body as CompletionTrend,
      (answer) => answer.current.points.length === 2,
    );
    expect(next.current.points.map((point) => [point.daysToDeadline, point.counts.in_progress])).toEqual([
      [100, 0],
      [99, 1],
    ]);
  });
});
