import type { CompletionTrend } from '@dspt/contracts';
import { percent, shownFigure } from './figures-table';

export interface TrendLine {
  daysToDeadline: number;
  day: string;
  share: string;
  previousDay: string;
  previousShare: string;
}

export const TREND_HEADINGS = [
  'Days before the deadline',
  'Day (this cycle)',
  'Standards Met or above (this cycle)',
  'Day (last cycle)',
  'Standards Met or above (last cycle)',
];

/** The trend as a table: a line per number of days before the deadline either cycle has a snapshot of. */
export function trendLines(trend: CompletionTrend): TrendLine[] {
  const current = new Map(trend.current.points.map((point) => [point.daysToDeadline, point]));
  const previous = new Map((trend.previous?.points ?? []).map((point) => [point.daysToDeadline, point]));
  const days = [...new Set([...current.keys(), ...previous.keys()])].sort((a, b) => b - a);
  return days.map((daysToDeadline) => {
    const now = current.get(daysToDeadline);
    const then = previous.get(daysToDeadline);
    return {
      daysToDeadline,
      day: now?.day ?? '–',
      share: now ? shownFigure(now, 'metOrAboveShare', now.metOrAboveShare, percent) : 'No snapshot',
      previousDay: then?.day ?? '–',
      previousShare: then ? shownFigure(then, 'metOrAboveShare', then.metOrAboveShare, percent) : 'No snapshot',
    };
  });
}

export function trendCells(line: TrendLine): string[] {
  return [String(line.daysToDeadline), line.day, line.share, line.previousDay, line.previousShare];
}
