import { daysBetween } from './assessment-cycle';
import { PROVIDER_STATUSES, type ProviderStatus } from './provider-status';
import { addDays } from './reminder-dates';

/** Providers in each derived status (DESIGN.md §7 `counts`). */
export type StatusCounts = Record<ProviderStatus, number>;

/** How many providers completed how many mandatory items: `counts[i]` providers completed `values[i]`. */
export interface CompletedHistogram {
  values: readonly number[];
  counts: readonly number[];
}

/** A group's completion figures (DESIGN.md §7): counts, share at Standards Met or above, median items done. */
export interface CompletionFigures {
  total: number;
  counts: StatusCounts;
  /** Standards Met or Exceeded, as a share of every provider (0 to 1); null when there are none. */
  metOrAboveShare: number | null;
  /** Median mandatory items completed (the mean of the two middle values for an even count); null when none. */
  medianMandatoryCompleted: number | null;
}

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(PROVIDER_STATUSES.map((status) => [status, 0])) as StatusCounts;
}

/** The median of the values a histogram holds, like SQL's percentile_cont(0.5); null for an empty one. */
export function histogramMedian(histogram: CompletedHistogram): number | null {
  const bins = histogram.values
    .map((value, index) => ({ value, count: histogram.counts[index] ?? 0 }))
    .filter((bin) => bin.count > 0);
  bins.sort((a, b) => a.value - b.value);
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  if (total === 0) {
    return null;
  }
  // The k-th smallest value (1-based).
  const nth = (k: number): number => {
    let seen = 0;
    for (const bin of bins) {
      seen += bin.count;
      if (seen >= k) {
        return bin.value;
      }
    }
    return bins[bins.length - 1].value;
  };
  return (nth(Math.floor((total + 1) / 2)) + nth(Math.ceil((total + 1) / 2))) / 2;
}

/** Adds histograms (of several cells, or groups) into one. */
export function mergeHistograms(histograms: readonly CompletedHistogram[]): CompletedHistogram {
  const merged = new Map<number, number>();
  for (const histogram of histograms) {
    histogram.values.forEach((value, index) =>
      merged.set(value, (merged.get(value) ?? 0) + (histogram.counts[index] ?? 0)),
    );
  }
  const values = [...merged.keys()].sort((a, b) => a - b);
  return { values, counts: values.map((value) => merged.get(value) ?? 0) };
}

/** The figures of a group from its status counts and histogram. */
export function completionFigures(counts: StatusCounts, histogram: CompletedHistogram): CompletionFigures {
  const total = PROVIDER_STATUSES.reduce((sum, status) => sum + counts[status], 0);
  return {
    total,
    counts: { ...counts },
    metOrAboveShare: total === 0 ? null : (counts.standards_met + counts.standards_exceeded) / total,
    medianMandatoryCompleted: histogramMedian(histogram),
  };
}

/** Whether a share reaches the programme's target (a share of 0 to 1). */
export function meetsTarget(share: number | null, target: number): boolean {
  return share !== null && share >= target;
}

/**
 * Where a cycle stands on `today` and the day of the previous cycle to compare with: the same number of
 * days before its deadline (0 once this cycle's deadline has passed, so a closed cycle meets a closed one).
 */
export function comparisonDay(
  today: string,
  deadline: string,
  previousDeadline: string,
): { daysToDeadline: number; previousDay: string } {
  const daysToDeadline = Math.max(0, daysBetween(today, deadline));
  return { daysToDeadline, previousDay: addDays(previousDeadline, -daysToDeadline) };
}

/**
 * A share (0 to 1) as a percentage to one decimal place, halves rounded up: the one rounding rule of every
 * figure, table, chart and file. `Math.round(share * 1000) / 10` alone rounds 201/400 (50.25%) down to 50.2,
 * because 0.5025 × 1000 is 502.49999… in binary; going through 12 significant digits first undoes that.
 */
export function sharePercent(share: number): number {
  return Math.round(Number((share * 100).toPrecision(12)) * 10) / 10;
}
