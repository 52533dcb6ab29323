/** A problem with one row of an imported spreadsheet: its row number as the spreadsheet shows it, and its column. */
export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

/** One data row of an imported spreadsheet: cells by lower-case column name, trimmed. */
export interface SheetRowValues {
  row: number;
  values: Record<string, string>;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/** A yes/no cell (any case; blank is no), or null when it is neither. */
export function parseYesNo(value: string | undefined): boolean | null {
  const key = (value ?? '').trim().toLowerCase();
  return YES.has(key) ? true : NO.has(key) ? false : null;
}

/**
 * Finds keys (codes) that a file lists twice: `seen(key, row)` answers the message for a repeat, naming the
 * row the key was first on, or null the first time.
 */
export function repeatTracker(): (key: string, row: number) => string | null {
  const firstRow = new Map<string, number>();
  return (key, row) => {
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      return `${key} is already on row ${earlier}`;
    }
    firstRow.set(key, row);
    return null;
  };
}
