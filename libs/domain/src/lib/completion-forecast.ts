/** A share (0 to 1) at Standards Met or above on a day, by its days before the cycle's deadline. */
export interface SharePoint {
  daysToDeadline: number;
  share: number;
}

/**
 * How a forecast was made: `lastCycleShape` (this cycle's pace against last cycle's curve at the same days to
 * the deadline), `linearPace` (no usable last cycle: the recent pace carried on, with a wide band) or `final`
 * (the deadline has passed: the share is what it is).
 */
export type ForecastMethod = 'lastCycleShape' | 'linearPace' | 'final';

export interface ForecastInput {
  /** The share now. */
  current: number;
  /** Days from today to the deadline (0 once it has passed). */
  daysToDeadline: number;
  /** Days from the cycle's start to its deadline (the share is taken to be 0 at the start). */
  cycleDays: number;
  /** This cycle's earlier shares (daily snapshots), any order; points at or before today's days are ignored. */
  history: readonly SharePoint[];
  /** Last cycle's curve (its snapshots) and its final share, when there is one. */
  previous: { curve: readonly SharePoint[]; final: number } | null;
  /** The group's providers: a small group's share moves in big steps, so its band is at least SIZE_Z binomial errors. */
  providers?: number;
}

export interface ShareForecast {
  projected: number;
  low: number;
  high: number;
  method: ForecastMethod;
}

/** Days of recent history whose pace (or pace against last cycle) sets the band. */
export const FORECAST_WINDOW_DAYS = 28;
/**
 * The narrowest band of the shape method, as a share of the gain still expected (±): a pace that held
 * steady for four weeks can still change. The back-test (docs/statistics.md) checks it holds the actual.
 */
export const SHAPE_MIN_SPREAD = 0.2;
/** The band of the linear fallback: half to one and a half times the gain at the recent pace. */
export const LINEAR_SPREAD = 0.5;
/**
 * A group of n providers: the band reaches at least this many binomial standard errors, √(p(1 − p) / n), either
 * side of the projection p (1.645: a 90% interval). A region of 40 providers moves 2.5 points with each one.
 */
export const SIZE_Z = 1.645;

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));
const exactly = (value: number): number => Number(value.toPrecision(12));

/**
 * The curve's share at `days` before its deadline, linearly between the two nearest points around it (the
 * snapshots are weekly in places); null when the curve does not reach that far either side.
 */
export function shareAtDays(curve: readonly SharePoint[], days: number): number | null {
  let before: SharePoint | null = null; // the nearest point with more days to go
  let after: SharePoint | null = null; // the nearest with fewer (or the same)
  for (const point of curve) {
    if (point.daysToDeadline === days) {
      return point.share;
    }
    if (point.daysToDeadline > days && (!before || point.daysToDeadline < before.daysToDeadline)) {
      before = point;
    }
    if (point.daysToDeadline < days && (!after || point.daysToDeadline > after.daysToDeadline)) {
      after = point;
    }
  }
  if (!before || !after) {
    return null;
  }
  const weight = (before.daysToDeadline - days) / (before.daysToDeadline - after.daysToDeadline);
  return before.share + (after.share - before.share) * weight;
}

/**
 * The share expected by the deadline at the current pace (docs/statistics.md, "Forecast").
 *
 * With last cycle's curve f and final F: the ratio r = c / f(d) says how far ahead or behind last cycle this
 * one is at the same days to the deadline; the projection adds last cycle's remaining gain scaled by it,
 * c + (F − f(d)) × r, within [c, 1]. The band applies the lowest and highest ratio of the last four weeks
 * (at least ±SHAPE_MIN_SPREAD of the gain). Without a usable last cycle (none, or nothing published yet at
 * that point): the pace of the last four weeks (or since the start) carried on to the deadline, band ±50%.
 */
export function forecastShare(input: ForecastInput): ShareForecast {
  const { current, daysToDeadline: days } = input;
  if (days <= 0) {
    return { projected: current, low: current, high: current, method: 'final' };
  }
  const then = input.previous ? shareAtDays(input.previous.curve, days) : null;
  if (input.previous && then !== null && then > 0) {
    const remaining = Math.max(0, input.previous.final - then);
    const ratio = current / then;
    const ratios = [ratio];
    for (const point of input.history) {
      if (point.daysToDeadline > days && point.daysToDeadline <= days + FORECAST_WINDOW_DAYS) {
        const past = shareAtDays(input.previous.curve, point.daysToDeadline);
        if (past !== null && past > 0) {
          ratios.push(point.share / past);
        }
      }
    }
    const at = (scale: number) => exactly(clamp(current + remaining * scale, current, 1));
    return widenForSize(
      {
        projected: at(ratio),
        low: at(Math.min(...ratios, ratio * (1 - SHAPE_MIN_SPREAD))),
        high: at(Math.max(...ratios, ratio * (1 + SHAPE_MIN_SPREAD))),
        method: 'lastCycleShape',
      },
      input,
    );
  }
  const perDay = linearPace(input);
  const at = (scale: number) => exactly(clamp(current + perDay * days * scale, current, 1));
  return widenForSize(
    { projected: at(1), low: at(1 - LINEAR_SPREAD), high: at(1 + LINEAR_SPREAD), method: 'linearPace' },
    input,
  );
}

/** The band at least SIZE_Z binomial errors of the group's size either side (never below today's share). */
function widenForSize(forecast: ShareForecast, { current, providers }: ForecastInput): ShareForecast {
  if (!providers || providers <= 0) {
    return forecast;
  }
  const { projected } = forecast;
  const error = SIZE_Z * Math.sqrt((projected * (1 - projected)) / providers);
  return {
    ...forecast,
    low: exactly(clamp(Math.min(forecast.low, projected - error), current, 1)),
    high: exactly(clamp(Math.max(forecast.high, projected + error), current, 1)),
  };
}

/** Share gained per day: over the last four weeks when history reaches back a week or more, else since the start. */
function linearPace({ current, daysToDeadline: days, cycleDays, history }: ForecastInput): number {
  const window = history.filter(
    (point) => point.daysToDeadline > days && point.daysToDeadline <= days + FORECAST_WINDOW_DAYS,
  );
  const oldest = window.reduce<SharePoint | null>(
    (found, point) => (!found || point.daysToDeadline > found.daysToDeadline ? point : found),
    null,
  );
  if (oldest && oldest.daysToDeadline - days >= 7) {
    return Math.max(0, (current - oldest.share) / (oldest.daysToDeadline - days));
  }
  const elapsed = cycleDays - days;
  return elapsed > 0 ? Math.max(0, current / elapsed) : 0;
}

/** A group's history as counts (to pool groups): providers and those at Standards Met or above, by day. */
export interface CountPoint {
  daysToDeadline: number;
  providers: number;
  metOrAbove: number;
}

export interface BackTestGroup {
  key: string;
  /** The cycle's snapshots up to and including its deadline (the point at 0 days is its final). */
  points: readonly CountPoint[];
}

export interface BackTestResult {
  key: string;
  actual: number;
  forecast: ShareForecast;
  /** Projected minus actual, in percentage points. */
  errorPoints: number;
  withinBand: boolean;
}

export interface BackTestSummary {
  groups: number;
  meanAbsoluteErrorPoints: number;
  maxAbsoluteErrorPoints: number;
  /** Groups whose actual final fell inside the band, as a share. */
  bandCoverage: number;
  results: BackTestResult[];
}

const sharesOf = (points: readonly CountPoint[]): SharePoint[] =>
  points
    .filter((point) => point.providers > 0)
    .map((point) => ({ daysToDeadline: point.daysToDeadline, share: point.metOrAbove / point.providers }));

/**
 * Forecasts each group of a finished cycle as of `daysOut` before its deadline and compares with its actual
 * final. `shape`: `previousCycle` (the reference groups, by key: last cycle's same group), `otherGroups`
 * (every other group of the same cycle pooled, a cross-group test of the shape method when no earlier cycle
 * exists) or `none` (the linear fallback). The share at `daysOut` is read between the snapshots around it;
 * groups without a point at 0 days (the final) or none around `daysOut` are left out.
 */
export function backTestForecast(
  groups: readonly BackTestGroup[],
  daysOut: number,
  cycleDays: number,
  shape: { kind: 'none' } | { kind: 'otherGroups' } | { kind: 'previousCycle'; groups: readonly BackTestGroup[] },
): BackTestSummary {
  const results: BackTestResult[] = [];
  for (const group of groups) {
    const shares = sharesOf(group.points);
    const now = shareAtDays(shares, daysOut);
    const final = group.points.find((point) => point.daysToDeadline === 0 && point.providers > 0);
    if (now === null || !final) {
      continue;
    }
    let referencePoints: CountPoint[] | null = null;
    if (shape.kind === 'otherGroups') {
      referencePoints = pooled(groups.filter((other) => other.key !== group.key));
    } else if (shape.kind === 'previousCycle') {
      referencePoints = [...(shape.groups.find((other) => other.key === group.key)?.points ?? [])];
    }
    const reference = referencePoints ? sharesOf(referencePoints) : null;
    const referenceFinal = reference?.find((point) => point.daysToDeadline === 0);
    const forecast = forecastShare({
      current: now,
      daysToDeadline: daysOut,
      cycleDays,
      history: shares.filter((point) => point.daysToDeadline > daysOut),
      previous: reference && referenceFinal ? { curve: reference, final: referenceFinal.share } : null,
      providers: final.providers,
    });
    const actual = final.metOrAbove / final.providers;
    results.push({
      key: group.key,
      actual,
      forecast,
      errorPoints: exactly((forecast.projected - actual) * 100),
      withinBand: forecast.low <= actual + 1e-9 && actual <= forecast.high + 1e-9,
    });
  }
  const errors = results.map((result) => Math.abs(result.errorPoints));
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    groups: results.length,
    meanAbsoluteErrorPoints: round(errors.reduce((sum, error) => sum + error, 0) / Math.max(1, errors.length)),
    maxAbsoluteErrorPoints: round(Math.max(0, ...errors)),
    bandCoverage: round(results.filter((result) => result.withinBand).length / Math.max(1, results.length)),
    results,
  };
}

/** Several groups' counts added up day by day. */
export function pooled(groups: readonly BackTestGroup[]): CountPoint[] {
  const byDay = new Map<number, CountPoint>();
  for (const group of groups) {
    for (const point of group.points) {
      const sum = byDay.get(point.daysToDeadline) ?? {
        daysToDeadline: point.daysToDeadline,
        providers: 0,
        metOrAbove: 0,
      };
      sum.providers += point.providers;
      sum.metOrAbove += point.metOrAbove;
      byDay.set(point.daysToDeadline, sum);
    }
  }
  return [...byDay.values()].sort((a, b) => b.daysToDeadline - a.daysToDeadline);
}
