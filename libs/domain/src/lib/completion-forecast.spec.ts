import {
  backTestForecast,
  type BackTestGroup,
  forecastShare,
  type ForecastInput,
  pooled,
  type SharePoint,
  shareAtDays,
} from './completion-forecast';

/** A synthetic cycle whose share at `days` before the deadline is `share(days)`: a point a week (90 among them). */
function curveOf(share: (days: number) => number, from = 370, to = 0): SharePoint[] {
  const points: SharePoint[] = [];
  for (let days = from; days >= to; days -= 7) {
    points.push({ daysToDeadline: days, share: share(days) });
  }
  if (to === 0 && points[points.length - 1].daysToDeadline !== 0) {
    points.push({ daysToDeadline: 0, share: share(0) });
  }
  return points;
}

/** Last cycle's S-shaped curve: slow start, most publish in the final months, 80% at the deadline. */
const lastCycle = (days: number): number => 0.8 / (1 + Math.exp((days - 90) / 40));

describe('shareAtDays', () => {
  const curve = [
    { daysToDeadline: 100, share: 0.2 },
    { daysToDeadline: 93, share: 0.27 },
    { daysToDeadline: 0, share: 0.8 },
  ];
  it.each([
    [100, 0.2],
    [93, 0.27],
    [96.5, 0.235],
    [0, 0.8],
    [46.5, 0.535],
    [101, null],
    [-1, null],
  ])('at %s days: %s', (days, expected) => {
    const found = shareAtDays(curve, days);
    if (expected === null) {
      expect(found).toBeNull();
    } else {
      expect(found).toBeCloseTo(expected, 10);
    }
  });
});

describe('forecastShare', () => {
  const base = (overrides: Partial<ForecastInput>): ForecastInput => ({
    current: 0.3,
    daysToDeadline: 90,
    cycleDays: 365,
    history: [],
    previous: { curve: curveOf(lastCycle), final: lastCycle(0) },
    ...overrides,
  });

  it.each([
    {
      name: 'the same curve as last cycle: projected is last cycle’s final',
      current: lastCycle(90),
      history: curveOf(lastCycle, 370, 97),
      projected: lastCycle(0),
    },
    {
      name: 'the same curve at 90% of last cycle’s pace: 90% of its final',
      current: 0.9 * lastCycle(90),
      history: curveOf((days) => 0.9 * lastCycle(days), 370, 97),
      projected: 0.9 * lastCycle(0),
    },
    {
      name: 'ahead of last cycle by a quarter: 1.25 × its final',
      current: 1.25 * lastCycle(90),
      history: curveOf((days) => 1.25 * lastCycle(days), 370, 97),
      projected: 1.25 * lastCycle(0),
    },
    {
      name: 'so far ahead that the projection would pass 100%: capped at 1',
      current: 0.9,
      history: [],
      projected: 1,
    },
  ])('$name', ({ current, history, projected }) => {
    const forecast = forecastShare(base({ current, history }));
    expect(forecast.method).toBe('lastCycleShape');
    expect(forecast.projected).toBeCloseTo(projected, 10);
    expect(forecast.low).toBeLessThan(forecast.projected + 1e-12);
    expect(forecast.high).toBeGreaterThan(forecast.projected - 1e-12);
    expect(forecast.low).toBeGreaterThanOrEqual(current);
    expect(forecast.high).toBeLessThanOrEqual(1);
  });

  it('a steady ratio gives the narrowest band: ±20% of the gain still expected', () => {
    const current = lastCycle(90);
    const forecast = forecastShare(base({ current, history: curveOf(lastCycle, 370, 97) }));
    const gain = lastCycle(0) - current;
    expect(forecast.low).toBeCloseTo(current + 0.8 * gain, 10);
    expect(forecast.high).toBeCloseTo(current + 1.2 * gain, 10);
  });

  it('a ratio that fell over the last four weeks widens the band up to the pace of four weeks ago', () => {
    // 140% of last cycle’s pace four weeks ago, 100% now (a slowdown).
    const ratioAt = (days: number) => 1 + (0.4 * (days - 90)) / 28;
    const history = curveOf((days) => ratioAt(days) * lastCycle(days), 118, 97);
    const current = lastCycle(90);
    const forecast = forecastShare(base({ current, history }));
    const gain = lastCycle(0) - current;
    expect(forecast.projected).toBeCloseTo(lastCycle(0), 10);
    expect(forecast.high).toBeCloseTo(current + gain * ratioAt(118), 10);
    expect(forecast.low).toBeCloseTo(current + 0.8 * gain, 10);
  });

  it('ignores history older than four weeks or at today’s days', () => {
    const current = lastCycle(90);
    const odd = [
      { daysToDeadline: 150, share: 0.7 },
      { daysToDeadline: 90, share: 0.7 },
      { daysToDeadline: 50, share: 0.7 },
    ];
    expect(forecastShare(base({ current, history: odd }))).toEqual(forecastShare(base({ current, history: [] })));
  });

  it.each([
    {
      name: 'linear history (1% a week), no previous cycle: linear extrapolation to the deadline',
      previous: null,
      history: curveOf((days) => 0.01 * ((364 - days) / 7), 364, 91),
      current: 0.01 * (274 / 7),
      projected: 0.01 * (364 / 7),
      low: 0.01 * (274 / 7) + 0.5 * 0.01 * (90 / 7),
      high: 0.01 * (274 / 7) + 1.5 * 0.01 * (90 / 7),
    },
    {
      name: 'no history at all: the pace since the start of the cycle (share 0 then)',
      previous: null,
      history: [],
      current: 0.275,
      projected: 0.275 + (0.275 / 275) * 90,
      low: 0.275 + 0.5 * (0.275 / 275) * 90,
      high: 0.275 + 1.5 * (0.275 / 275) * 90,
    },
    {
      name: 'last cycle had published nobody at this point: the linear fallback',
      previous: {
        curve: [
          { daysToDeadline: 200, share: 0 },
          { daysToDeadline: 90, share: 0 },
          { daysToDeadline: 0, share: 0.6 },
        ],
        final: 0.6,
      },
      history: [],
      current: 0.275,
      projected: 0.275 + (0.275 / 275) * 90,
      low: 0.275 + 0.5 * (0.275 / 275) * 90,
      high: 0.275 + 1.5 * (0.275 / 275) * 90,
    },
    {
      name: 'a share that fell over the last four weeks: no gain expected, not a loss',
      previous: null,
      history: [{ daysToDeadline: 110, share: 0.4 }],
      current: 0.3,
      projected: 0.3,
      low: 0.3,
      high: 0.3,
    },
  ])('$name', ({ previous, history, current, projected, low, high }) => {
    const forecast = forecastShare(base({ previous, history, current }));
    expect(forecast.method).toBe('linearPace');
    expect(forecast.projected).toBeCloseTo(projected, 10);
    expect(forecast.low).toBeCloseTo(low, 10);
    expect(forecast.high).toBeCloseTo(high, 10);
  });

  it.each([
    { providers: 40, error: 1.645 * Math.sqrt((lastCycle(0) * (1 - lastCycle(0))) / 40) },
    { providers: 30_000, error: 0 },
  ])(
    'widens the band of a group of $providers to its binomial error of the projection at least',
    ({ providers, error }) => {
      const current = lastCycle(90);
      const history = curveOf(lastCycle, 370, 97);
      const forecast = forecastShare(base({ current, history, providers }));
      const gain = lastCycle(0) - current;
      expect(forecast.projected).toBeCloseTo(lastCycle(0), 10);
      expect(forecast.low).toBeCloseTo(Math.min(current + 0.8 * gain, lastCycle(0) - error), 10);
      expect(forecast.high).toBeCloseTo(Math.max(current + 1.2 * gain, lastCycle(0) + error), 10);
    },
  );

  it('once the deadline has passed the share is final, with no band', () => {
    expect(forecastShare(base({ daysToDeadline: 0, current: 0.64 }))).toEqual({
      projected: 0.64,
      low: 0.64,
      high: 0.64,
      method: 'final',
    });
  });
});

describe('backTestForecast', () => {
  /** A group of `providers` whose share follows `share(days)`, one point a week and the deadline. */
  const group = (key: string, providers: number, share: (days: number) => number): BackTestGroup => ({
    key,
    points: curveOf(share).map((point) => ({
      daysToDeadline: point.daysToDeadline,
      providers,
      metOrAbove: Math.round(point.share * providers),
    })),
  });

  it('groups on the same curve as the rest forecast their final within rounding, inside the band', () => {
    const groups = [group('a', 1000, lastCycle), group('b', 2000, lastCycle), group('c', 500, lastCycle)];
    const summary = backTestForecast(groups, 90, 365, { kind: 'otherGroups' });
    expect(summary.groups).toBe(3);
    expect(summary.maxAbsoluteErrorPoints).toBeLessThan(0.5);
    expect(summary.bandCoverage).toBe(1);
  });

  it('against last cycle’s same group, a group 10% behind all year is forecast 10% lower', () => {
    const previous = [group('a', 1000, lastCycle)];
    const summary = backTestForecast([group('a', 1000, (days) => 0.9 * lastCycle(days))], 90, 365, {
      kind: 'previousCycle',
      groups: previous,
    });
    expect(summary.results[0].forecast.method).toBe('lastCycleShape');
    expect(summary.results[0].forecast.projected).toBeCloseTo(0.9 * lastCycle(0), 2);
    expect(summary.meanAbsoluteErrorPoints).toBeLessThan(0.5);
  });

  it('the linear fallback overshoots an S-curve whose last four weeks were its steepest, and says by how much', () => {
    const summary = backTestForecast([group('a', 1000, lastCycle)], 90, 365, { kind: 'none' });
    const [result] = summary.results;
    expect(result.forecast.method).toBe('linearPace');
    expect(result.actual).toBeCloseTo(lastCycle(0), 2);
    expect(result.errorPoints).toBeGreaterThan(5);
    expect(result.withinBand).toBe(result.forecast.low <= result.actual && result.actual <= result.forecast.high);
    expect(summary.meanAbsoluteErrorPoints).toBe(Math.round(Math.abs(result.errorPoints) * 100) / 100);
  });

  it('leaves out groups without a final', () => {
    const partial: BackTestGroup = { key: 'p', points: [{ daysToDeadline: 90, providers: 10, metOrAbove: 3 }] };
    expect(backTestForecast([partial], 90, 365, { kind: 'none' }).groups).toBe(0);
  });

  it('pools groups day by day', () => {
    expect(
      pooled([
        { key: 'a', points: [{ daysToDeadline: 7, providers: 10, metOrAbove: 2 }] },
        {
          key: 'b',
          points: [
            { daysToDeadline: 7, providers: 5, metOrAbove: 5 },
            { daysToDeadline: 0, providers: 5, metOrAbove: 5 },
          ],
        },
      ]),
    ).toEqual([
      { daysToDeadline: 7, providers: 15, metOrAbove: 7 },
      { daysToDeadline: 0, providers: 5, metOrAbove: 5 },
    ]);
  });
});
