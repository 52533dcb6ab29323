import type { ApiErrorDetail } from '@dspt/contracts';
import type { RowProblem, SheetRowValues } from '@dspt/domain';
import { InvalidInputException } from '@dspt/server/http';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { restoreNeutralisedFormula } from './formula-injection';

/** An uploaded file as multer gives it. */
export interface UploadedSpreadsheet {
  originalname: string;
  buffer: Buffer;
  size: number;
}

export interface SheetSpec {
  /** Every column the sheet may have, lower-case (header names are matched case-insensitively). */
  columns: readonly string[];
  /** Columns that must be present. */
  required: readonly string[];
  maxRows: number;
}

/** One data row: `row` is its number as the spreadsheet shows it (the header is row 1). */
export type SheetRow = SheetRowValues;

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The 400 for a file whose rows break the rules: every problem with its row and column; nothing was imported. */
export function rowProblemsException(problems: readonly RowProblem[]): InvalidInputException {
  return new InvalidInputException(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the file: nothing was imported`, [...problems]);
}

function refuse(message: string, details: ApiErrorDetail[] = [{ field: 'file', message }]): never {
  throw new InvalidInputException(message, details);
}

/**
 * Reads a CSV or XLSX upload into trimmed string rows, checking the header against `spec`: names are
 * case-insensitive and in any order; unknown, missing or repeated columns are refused by name. Blank rows
 * are skipped; cells our exports neutralised against formula injection read back as they were. Everything
 * wrong with the file itself is a 400 naming `file`, so nothing is written.
 */
export async function readSpreadsheet(file: UploadedSpreadsheet | undefined, spec: SheetSpec): Promise<SheetRow[]> {
  if (!file) {
    refuse('Attach a CSV or XLSX file in the form field "file"');
  }
  if (file.size === 0 || file.buffer.length === 0) {
    refuse('The file is empty');
  }
  if (file.size > MAX_UPLOAD_BYTES) {
    refuse(`The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  const grid = isZip(file.buffer) ? await readXlsx(file.buffer) : readCsv(file);
  const [header, ...body] = grid;
  if (!header || header.every((cell) => cell === '')) {
    refuse('The file has no header row');
  }
  const columns = checkHeader(header, spec);
  const rows = body
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''))
    .map(({ row, cells }) => ({ row, values: Object.fromEntries(columns.map((column, index) => [column, restoreNeutralisedFormula(cells[index] ?? '')])) }));
  if (rows.length === 0) {
    refuse('The file has a header row but no data rows');
  }
  if (rows.length > spec.maxRows) {
    refuse(`The file has ${rows.length} rows; at most ${spec.maxRows} can be imported at once`);
  }
  return rows;
}

function isZip(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    refuse('The file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    refuse('The workbook has no sheets');
  }
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 1); column++) {
      cells.push(row.getCell(column).text.trim());
    }
    grid[rowNumber - 1] = cells;
  });
  return Array.from(grid, (cells) => cells ?? []);
}

function readCsv(file: UploadedSpreadsheet): string[][] {
  if (/\.xlsx$/i.test(file.originalname)) {
    refuse('The file is named .xlsx but is not an XLSX workbook');
  }
  const text = file.buffer.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    refuse('The file is neither a CSV (UTF-8 text) nor an XLSX workbook');
  }
  try {
    return parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch (error) {
    refuse(`The CSV could not be read: ${(error as Error).message}`);
  }
}

function checkHeader(header: string[], spec: SheetSpec): string[] {
  const columns = header.map((name) => name.trim().toLowerCase());
  const details: ApiErrorDetail[] = [];
  columns.forEach((column, index) => {
    if (column === '') {
      details.push({ field: 'file', message: `Column ${index + 1} has no name` });
    } else if (!spec.columns.includes(column)) {
      details.push({ field: column, message: `Unknown column "${header[index]}": the columns are ${spec.columns.join(', ')}` });
    } else if (columns.indexOf(column) !== index) {
      details.push({ field: column, message: `Column "${column}" appears more than once` });
    }
  });
  for (const required of spec.required) {
    if (!columns.includes(required)) {
      details.push({ field: required, message: `Missing column "${required}"` });
    }
  }
  if (details.length > 0) {
    refuse(`The header row is not right: ${details.map((detail) => detail.message).join('; ')}`, details);
  }
  return columns;
}
