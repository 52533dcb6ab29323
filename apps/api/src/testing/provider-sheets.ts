import { PROVIDER_SHEET_COLUMNS, type ProviderSheetColumn } from '@dspt/domain';
import { randomSiteCode } from '@dspt/server/testing';
import ExcelJS from 'exceljs';
import { randomInt } from 'node:crypto';

export type SheetRow = Partial<Record<ProviderSheetColumn, string>> & Record<string, string | undefined>;

/** A single site in London with no contact, adviser or CE+ unless `values` say otherwise. */
export { randomHqCode, randomSiteCode } from '@dspt/server/testing';

export function providerRow(values: SheetRow = {}): SheetRow {
  const odsCode = values.ods_code ?? randomSiteCode();
  return {
    ods_code: odsCode,
    name: `Imported ${odsCode}`,
    kind: 'single_site',
    parent_ods_code: '',
    service_type: 'homecare',
    size_band: 'small',
    local_authority: 'Leeds',
    region: 'Yorkshire and The Humber',
    contact_name: '',
    contact_email: '',
    contact_role: '',
    assigned_adviser_email: '',
    has_ce_plus: 'no',
    ...values,
  };
}

/** Each call takes the next two-character series, so files never share codes within a run. */
let bulkSeries = randomInt(0, 1000);

/** `count` (at most 46,656) distinct 6-character codes no other test uses: B, a series, a base-36 counter. */
export function bulkCodes(count: number): string[] {
  const series = (bulkSeries++ % 1296).toString(36).toUpperCase().padStart(2, '0');
  return Array.from({ length: count }, (_, index) => `B${series}${index.toString(36).toUpperCase().padStart(3, '0')}`);
}

function quoted(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV with these columns (all the import columns by default) and rows. */
export function providersCsv(rows: readonly SheetRow[], columns: readonly string[] = PROVIDER_SHEET_COLUMNS): string {
  return (
    [columns.join(','), ...rows.map((row) => columns.map((column) => quoted(row[column] ?? '')).join(','))].join('\n') +
    '\n'
  );
}

/** The same as an XLSX workbook. */
export async function providersXlsx(
  rows: readonly SheetRow[],
  columns: readonly string[] = PROVIDER_SHEET_COLUMNS,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Providers');
  sheet.addRow([...columns]);
  for (const row of rows) {
    sheet.addRow(columns.map((column) => row[column] ?? ''));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
