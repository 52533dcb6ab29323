import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from './formula-injection';

export type Cell = string | number | boolean | null | undefined;

function text(value: Cell): string {
  return neutraliseFormula(value === null || value === undefined ? '' : String(value));
}

/** CSV with a header row; every cell neutralised against formula injection. UTF-8 with a BOM for Excel. */
export function writeCsv(columns: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  return '\uFEFF' + stringify([columns as string[], ...rows.map((row) => row.map(text))]);
}

/** An XLSX workbook with one sheet, a bold header row and every cell stored as neutralised text. */
export async function writeXlsx(
  sheetName: string,
  columns: readonly string[],
  rows: ReadonlyArray<readonly Cell[]>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...columns]).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(row.map(text));
  }
  sheet.columns.forEach((column) => (column.width = 22));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
