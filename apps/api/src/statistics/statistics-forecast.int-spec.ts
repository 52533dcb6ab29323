import type { CompletionForecast, CompletionStatistics, ForecastGrouping } from '@dspt/contracts';
import { addDays, daysBetween, type ProviderStatus, SIZE_Z } from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import { dropDatabase } from '@dspt/server/data';
import { ApiClient, createEmptyTestDatabase, type FixtureTenant } from '@dspt/server/testing';
import { StatisticsFixtures } from '../testing/statistics-fixtures';
import { useTestApi } from '../testing/use-test-api';

/** The cycle under way on `today` (1 July to 30 June), or the one `yearsBack` before it. */
function cycleOn(today: string, yearsBack = 0): { code: string; startsOn: string; deadline: string } {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 7 ? 0 : 1) - yearsBack;
  return {
    code: `${year}-${String((year + 1) % 100).padStart(2, '0')}`,
    startsOn: `${year}-07-01`,
    deadline: `${year + 1}-06-30`,
  };
}

/** The band's least half-width for a group of `providers` (SIZE_Z binomial errors of the projection). */
const sizeError = (share: number, providers: number) => SIZE_Z * Math.sqrt((share * (1 - share)) / providers);

describe('the forecast to the deadline (GET /api/stats/forecast)', () => {
  // A database of its own: other files add cycles (random codes, deadlines near today) that would sit between
  // this test's two cycles and become "last cycle".
  let ownDatabase = '';
  const api = useTestApi(async () => ({
    DATABASE_OWNER_URL: (ownDatabase = await createEmptyTestDatabase('forecast')),
  }));
  afterAll(() => dropDatabase(ownDatabase));
  let stats: StatisticsFixtures;
  let lead: ApiClient;
  let a: FixtureTenant;
  let b: FixtureTenant;
  const today = londonDate(new Date());
  const current = cycleOn(today);
  const previous = cycleOn(today, 1);
  const daysOut = daysBetween(today, current.deadline);

  beforeAll(async () => {
    const owner = api.fixtures.owner;
    stats = new StatisticsFixtures(owner);
    const ids: Record<string, string> = {};
    for (const cycle of [previous, current]) {
      await owner.query(
        `INSERT INTO assessment_cycles (code, starts_on, deadline) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
        [cycle.code, cycle.startsOn, cycle.deadline],
      );
      [{ id: ids[cycle.code] }] = await owner.query(`SELECT id FROM assessment_cycles WHERE code = $1`, [cycle.code]);
    }
    [a, b] = [await api.fixtures.tenant('forecast-a'), await api.fixtures.tenant('forecast-b')];
    const met = { status: 'standards_met' as ProviderStatus, completed: 43 };
    const working = { status: 'in_progress' as ProviderStatus, completed: 10 };
    // LSP a, 40 providers in London: 12 at Standards Met now (30%); last cycle 16 (40%) at the same days out, 32 (80%) at the end.
    // LSP b, 10 in the North East: 5 now (50%); last cycle none at the same point, 8 at the end.
    const providers: Array<{ tenant: FixtureTenant; id: string; n: number }> = [];
    for (const [tenant, count, region, localAuthority, now] of [
      [a, 40, 'London', 'Camden', 12],
      [b, 10, 'North East', 'Sunderland', 5],
    ] as const) {
      for (let n = 0; n < count; n++) {
        const provider = await stats.provider(tenant, ids[current.code], {
          region,
          localAuthority,
          serviceType: 'homecare',
          sizeBand: 'small',
          standing: n < now ? met : working,
        });
        providers.push({ tenant, id: provider.id, n });
      }
    }
    const setPrevious = async (metBelow: (tenant: FixtureTenant) => number) => {
      for (const { tenant, id, n } of providers) {
        await stats.setStanding(tenant, id, ids[previous.code], n < metBelow(tenant) ? met : working);
      }
    };
    await setPrevious((tenant) => (tenant === a ? 16 : 0));
    await stats.snapshot(ids[previous.code], addDays(previous.deadline, -daysOut));
    await setPrevious((tenant) => (tenant === a ? 32 : 8));
    const user = await api.fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true });
    lead = await new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
  });

  const forecast = async (groupBy: ForecastGrouping) => {
    const response = await lead.get(`/api/stats/forecast?groupBy=${groupBy}`);
    expect({ status: response.status, body: response.status === 200 ? 'ok' : response.body }).toEqual({
      status: 200,
      body: 'ok',
    });
    return response.body as CompletionForecast;
  };

  it("projects each LSP by last cycle's curve at the same days to the deadline, with a band", async () => {
    const answer = await forecast('tenant');
    expect(answer).toMatchObject({
      cycle: current.code,
      deadline: current.deadline,
      daysToDeadline: daysOut,
      target: 0.7,
      groupBy: 'tenant',
      previousCycle: previous.code,
    });
    // 30% now against 40% then: 0.75 of last cycle's pace, so 30% + 0.75 × (80% − 40%) = 60%; band ±20% of the gain.
    const rowA = answer.rows.find((row) => row.key === a.slug);
    expect(rowA).toEqual({
      key: a.slug,
      label: a.name,
      providers: 40,
      current: 0.3,
      projected: expect.closeTo(0.6, 10),
      // ±20% of the gain (54% to 66%), widened to 1.645 binomial errors of 60% for 40 providers.
      low: expect.closeTo(0.6 - sizeError(0.6, 40), 10),
      high: expect.closeTo(0.6 + sizeError(0.6, 40), 10),
      method: 'lastCycleShape',
      // 70% of 40 is 28; 60% of 40 is 24.
      providersShort: 4,
    });
    // Last cycle had published none at this point: the pace since the start carried on, band ±50%.
    const perDay = 0.5 / (daysBetween(current.startsOn, current.deadline) - daysOut);
    const gain = perDay * daysOut;
    const projected = Math.min(1, 0.5 + gain);
    expect(answer.rows.find((row) => row.key === b.slug)).toMatchObject({
      current: 0.5,
      projected: expect.closeTo(projected, 10),
      low: expect.closeTo(Math.max(0.5, Math.min(1, 0.5 + gain / 2, projected - sizeError(projected, 10))), 10),
      high: expect.closeTo(Math.min(1, Math.max(0.5 + 1.5 * gain, projected + sizeError(projected, 10))), 10),
      method: 'linearPace',
    });
  });

  it('agrees with the headline: the same current shares, hidden ones hidden; projections within their bands', async () => {
    for (const groupBy of ['region', 'tenant'] as const) {
      const answer = await forecast(groupBy);
      const headline = (await lead.get(`/api/stats/completion?groupBy=${groupBy}`)).body as CompletionStatistics;
      expect(answer.rows.map((row) => [row.key, row.current])).toEqual(
        headline.rows.map((row) => [row.key, row.hidden.includes('metOrAboveShare') ? null : row.metOrAboveShare]),
      );
      expect(answer.total).toMatchObject({ key: 'total', current: headline.total.metOrAboveShare });
      for (const row of [...answer.rows, answer.total]) {
        if (row.current === null) {
          expect(row).toMatchObject({ projected: null, low: null, high: null, method: null, providersShort: null });
        } else {
          expect(row.low).toBeGreaterThanOrEqual(row.current);
          expect(row.projected).toBeGreaterThanOrEqual(row.low as number);
          expect(row.high).toBeGreaterThanOrEqual(row.projected as number);
          expect(row.high).toBeLessThanOrEqual(1);
        }
      }
    }
    const byRegion = await forecast('region');
    expect(byRegion.rows.find((row) => row.key === 'London')?.method).toBe('lastCycleShape');
  });

  it('names a bad groupBy in a 400 and refuses anyone but programme leads', async () => {
    for (const parameters of ['groupBy=serviceType', 'groupBy=', 'cycle=2025-26']) {
      const response = await lead.get(`/api/stats/forecast?${parameters}`);
      const field = parameters.split('=')[0];
      expect({ parameters, status: response.status, body: JSON.stringify(response.body) }).toEqual({
        parameters,
        status: 400,
        body: expect.stringContaining(field),
      });
    }
    const member = await api.fixtures.member(a, 'viewer', { mfa: true });
    const viewer = await new ApiClient(api.app).signIn(member.email, member.password, member.totpSecret);
    expect((await viewer.get('/api/stats/forecast')).status).toBe(403);
  });
});
