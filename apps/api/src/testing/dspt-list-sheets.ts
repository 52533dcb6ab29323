import ExcelJS from 'exceljs';

/**
 * Synthetic DSPT status lists in the layouts the DSPT's organisation search has used. No real list can be
 * fetched here; these follow the download's shape: one row per organisation (HQ codes `A…`, sites `V…`).
 */
export const DSPT_LIST_LAYOUTS = {
  /** The current download: a cycle prefix on the status and a publication date. */
  current: ['Organisation Code', 'Organisation Name', 'Sector', 'Status', 'Date Published'],
  /** An older download: other names, status without a prefix. */
  older: ['ODS Code', 'Name', 'Latest Status', 'Latest Publication Date', 'Primary Sector'],
} as const;

export interface ListRow {
  code: string;
  name?: string;
  status: string;
  date?: string;
}

function cells(layout: keyof typeof DSPT_LIST_LAYOUTS, row: ListRow): string[] {
  const name = row.name ?? `Organisation ${row.code}`;
  return layout === 'current'
    ? [row.code, name, 'Social Care', row.status, row.date ?? '']
    : [row.code, name, row.status, row.date ?? '', 'Social Care'];
}

function quote(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function dsptListCsv(layout: keyof typeof DSPT_LIST_LAYOUTS, rows: readonly ListRow[]): string {
  return [DSPT_LIST_LAYOUTS[layout], ...rows.map((row) => cells(layout, row))]
    .map((line) => line.map(quote).join(','))
    .join('\r\n');
}

export async function dsptListXlsx(layout: keyof typeof DSPT_LIST_LAYOUTS, rows: readonly ListRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Organisations');
  sheet.addRow([...DSPT_LIST_LAYOUTS[layout]]);
  for (const row of rows) {
    sheet.addRow(cells(layout, row));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
