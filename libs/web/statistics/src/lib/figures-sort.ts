import type { CompletionRow } from '@dspt/contracts';
import { PROVIDER_STATUSES, type ProviderStatus } from '@dspt/domain';

/** What a completion table can be sorted by: its columns, but "Meets the target" (the share sorts it). */
export type FiguresSortKey =
  'label' | 'total' | ProviderStatus | 'metOrAboveShare' | 'medianMandatoryCompleted' | 'previousShare';

export type SortDirection = 'ascending' | 'descending';

/** A table's order: by one column's key (any table's: FiguresSortKey for completion tables), one way. */
export interface FiguresSort<K extends string = FiguresSortKey> {
  key: K;
  direction: SortDirection;
}

/** The sort key of each column of `figuresHeadings` (after the group's own), null when it does not sort. */
export const COLUMN_SORT_KEYS: ReadonlyArray<FiguresSortKey | null> = [
  'total',
  'metOrAboveShare',
  null,
  'previousShare',
  ...PROVIDER_STATUSES,
  'medianMandatoryCompleted',
];

function valueOf(row: CompletionRow, key: FiguresSortKey): number | string | null {
  switch (key) {
    case 'label':
      return row.label;
    case 'total':
      return row.total;
    case 'metOrAboveShare':
      return row.metOrAboveShare;
    case 'medianMandatoryCompleted':
      return row.medianMandatoryCompleted;
    case 'previousShare':
      return row.previous?.metOrAboveShare ?? null;
    default:
      return row.counts[key];
  }
}

/**
 * Rows in a column's order. Hidden ([c]) or missing figures go last whichever way, so sorting never places
 * a hidden figure among the shown ones; ties keep the answer's own order (regions as the DSPT lists them).
 */
export function sortFigures(rows: readonly CompletionRow[], sort: FiguresSort | null): CompletionRow[] {
  return sortRows(rows, sort, valueOf);
}

/** Any table's rows in a column's order, `value` reading a row's figure by key (null: hidden or missing). */
export function sortRows<T, K extends string>(
  rows: readonly T[],
  sort: FiguresSort<K> | null,
  value: (row: T, key: K) => number | string | null,
): T[] {
  if (!sort) {
    return [...rows];
  }
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: value(row, sort.key) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      }
      const order =
        typeof a.value === 'string' || typeof b.value === 'string'
          ? String(a.value).localeCompare(String(b.value), 'en-GB', { sensitivity: 'base', numeric: true })
          : a.value - b.value;
      return sign * order || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** The next sort when a column's header is pressed: ascending first (lowest share first: who is behind), then descending. */
export function nextSort<K extends string>(current: FiguresSort<K> | null, key: K): FiguresSort<K> {
  return current !== null && current.key === key && current.direction === 'ascending'
    ? { key, direction: 'descending' }
    : { key, direction: 'ascending' };
}

/** What a screen reader hears after a sort: the table, the column and the way. */
export function sortAnnouncement(table: string, column: string, sort: FiguresSort<string>): string {
  const way =
    sort.key === 'label'
      ? sort.direction === 'ascending'
        ? 'A to Z'
        : 'Z to A'
      : sort.direction === 'ascending'
        ? 'lowest first'
        : 'highest first';
  return `${table}: sorted by ${column}, ${way}.`;
}
