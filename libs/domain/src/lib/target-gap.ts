import { sharePercent } from './completion-figures';
import type { ShownFigures } from './statistics-disclosure';

/** What the gap to the target needs of a group, as an answer shows it (hidden figures are null and named). */
export type GapFigures = Pick<ShownFigures, 'total' | 'metOrAboveShare' | 'hidden'>;

const exactly = (value: number): number => Number(value.toPrecision(12));

/**
 * Providers still needed at Standards Met or above for a group to reach the target share (0 to 1): 0 once
 * it is met; null when the group's number of providers or its share is hidden (or it has none). It is
 * worked out from shown figures only (the share times the providers), so it reveals nothing they do not.
 */
export function providersToTarget(figures: GapFigures, target: number): number | null {
  const { total, metOrAboveShare: share, hidden } = figures;
  if (
    total === null ||
    share === null ||
    total === 0 ||
    hidden.includes('total') ||
    hidden.includes('metOrAboveShare')
  ) {
    return null;
  }
  const needed = Math.ceil(exactly(target * total)) - Math.round(share * total);
  return Math.max(0, needed);
}

/** The change in percentage points from last cycle's share to this one's, as both are shown; null if either is not. */
export function sharePointsChange(now: GapFigures, then: GapFigures | null): number | null {
  if (!then || now.metOrAboveShare === null || then.metOrAboveShare === null) {
    return null;
  }
  if (now.hidden.includes('metOrAboveShare') || then.hidden.includes('metOrAboveShare')) {
    return null;
  }
  return exactly(sharePercent(now.metOrAboveShare) - sharePercent(then.metOrAboveShare));
}

export interface BehindTarget<T> {
  row: T;
  share: number;
  providersNeeded: number;
}

/**
 * The groups furthest behind the target, lowest share first (then the most providers needed, then the
 * label), at most `limit`. Only groups whose share and number of providers are shown take part: placing a
 * hidden share in a ranking would tell something about it.
 */
export function furthestBehind<T extends GapFigures & { label: string }>(
  rows: readonly T[],
  target: number,
  limit = 3,
): BehindTarget<T>[] {
  return rows
    .flatMap((row) => {
      const providersNeeded = providersToTarget(row, target);
      return providersNeeded === null || providersNeeded === 0 || row.metOrAboveShare === null
        ? []
        : [{ row, share: row.metOrAboveShare, providersNeeded }];
    })
    .sort(
      (a, b) =>
        a.share - b.share || b.providersNeeded - a.providersNeeded || a.row.label.localeCompare(b.row.label, 'en-GB'),
    )
    .slice(0, limit);
}
