import { InvalidInput, TooLarge, Unprocessable } from '@dspt/domain';
import type { ApiErrorDetail } from '@dspt/contracts';
import type { ArchiveLimits, RowProblem, SheetRowValues } from '@dspt/domain';
import { restoreNeutralisedFormula } from './formula-injection';
import {
  type ParseAnswer,
  ParseLimitError,
  type ParseLimits,
  type ParseRequest,
  parseInWorker,
} from './spreadsheet-parser';
import { entryData, inspectArchive, readZipDirectory, ZipFormatError } from './zip-archive';

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
  /**
   * For files others publish, whose layout varies: header names (lower-case) and the column each stands
   * for. A column may go by several names, columns not named (and unnamed ones) are not refused, and
   * `columns`, `required` and the rows' values use the columns the names map to.
   */
  aliases?: ReadonlyMap<string, string>;
  /**
   * With `aliases`, what becomes of the columns not named: kept under their own names (the default), or,
   * for wide files, never read; the header row is then looked for below a few title rows too.
   */
  otherColumns?: 'keep' | 'skip';
  /** Bounds for files that are large by nature (the CQC register), in place of the defaults. */
  maxBytes?: number;
  maxUncompressedBytes?: number;
}

/** One data row: `row` is its number as the spreadsheet shows it (the header is row 1). */
export type SheetRow = SheetRowValues;

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The 400 for a file whose rows break the rules: every problem with its row and column; nothing was imported. */
export function rowProblemsException(problems: readonly RowProblem[]): InvalidInput {
  return new InvalidInput(
    `${problems.length} problem${problems.length === 1 ? '' : 's'} in the file: nothing was imported`,
    [...problems],
  );
}

function refuse(message: string, details: ApiErrorDetail[] = [{ field: 'file', message }]): never {
  throw new InvalidInput(message, details);
}

export interface SpreadsheetLimits {
  archive: ArchiveLimits;
  parse: ParseLimits;
}

const MB = 1024 * 1024;

/** The defaults of the SPREADSHEET_* settings (see app-config.schema.ts). */
export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  archive: { maxEntries: 1_000, maxUncompressedBytes: 100 * MB, maxCompressionRatio: 100 },
  parse: { memoryMb: 384, timeoutMs: 60_000 },
};

/** A file too big to read safely: 413, naming the limit in the message, so nothing is written. */
function tooLarge(message: string): never {
  throw new TooLarge(message, [{ field: 'file', message }]);
}

function isZip(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

/**
 * A zip (.xlsx, .ods) passes the archive limits, declared and really inflated, before any reader opens it.
 * An OpenDocument spreadsheet answers its content.xml as stored, for the worker to inflate as it reads.
 */
async function checkArchive(
  buffer: Buffer,
  limits: ArchiveLimits,
): Promise<Pick<ParseRequest, 'kind' | 'data' | 'zipMethod'>> {
  let problem;
  try {
    problem = await inspectArchive(buffer, limits);
    if (!problem) {
      const entries = readZipDirectory(buffer);
      const content = entries.find((entry) => entry.name === 'content.xml');
      const isOds = content && !entries.some((entry) => entry.name === '[Content_Types].xml');
      return isOds
        ? { kind: 'ods', data: entryData(buffer, content), zipMethod: content.method }
        : { kind: 'xlsx', data: buffer };
    }
  } catch (error) {
    if (error instanceof ZipFormatError) {
      refuse('The file is not a readable XLSX or ODS spreadsheet');
    }
    throw error;
  }
  tooLarge(`${problem.message}: nothing was imported`);
}

async function readGrid(file: UploadedSpreadsheet, spec: SheetSpec, limits: SpreadsheetLimits): Promise<string[][]> {
  const archive = {
    ...limits.archive,
    maxUncompressedBytes: spec.maxUncompressedBytes ?? limits.archive.maxUncompressedBytes,
  };
  const content = isZip(file.buffer)
    ? await checkArchive(file.buffer, archive)
    : { kind: 'csv' as const, data: file.buffer };
  const pick = spec.aliases && spec.otherColumns === 'skip' ? [...spec.aliases.keys()] : undefined;
  let answer: ParseAnswer;
  try {
    answer = await parseInWorker(
      { ...content, fileName: file.originalname, maxRows: spec.maxRows, pick },
      limits.parse,
    );
  } catch (error) {
    if (error instanceof ParseLimitError && error.limit === 'memory') {
      tooLarge(
        `The spreadsheet needs more than ${limits.parse.memoryMb} MB of memory to read, the limit: split it into smaller files; nothing was imported`,
      );
    }
    if (error instanceof ParseLimitError) {
      const message = `The spreadsheet took longer than ${limits.parse.timeoutMs / 1000} seconds to read, the limit: split it into smaller files; nothing was imported`;
      throw new Unprocessable(message, [{ field: 'file', message }]);
    }
    throw error;
  }
  if ('refusal' in answer) {
    refuse(answer.refusal);
  }
  return answer.grid;
}

/**
 * Reads a CSV, XLSX or ODS (OpenDocument) upload into trimmed string
 * rows, checking the header against `spec`: names are case-insensitive and in any order; unknown, missing
 * or repeated columns are refused by name. Blank rows are skipped; cells our exports neutralised against
 * formula injection read back as they were. A zip must keep within `limits.archive` (413 naming the
 * limit); the file is then read in a worker thread with a capped heap and a timeout (413 or 422), never in
 * the api's own thread. Everything else wrong with the file is a 400 naming `file`, so nothing is written.
 * Use SpreadsheetReader, which takes the limits from the configuration and reads a few files at a time.
 */
export async function readSpreadsheet(
  file: UploadedSpreadsheet | undefined,
  spec: SheetSpec,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<SheetRow[]> {
  if (!file) {
    refuse('Attach a CSV, XLSX or ODS file in the form field "file"');
  }
  if (file.size === 0 || file.buffer.length === 0) {
    refuse('The file is empty');
  }
  const maxBytes = spec.maxBytes ?? MAX_UPLOAD_BYTES;
  if (file.size > maxBytes) {
    refuse(`The file is larger than ${maxBytes / 1024 / 1024} MB`);
  }
  const [header, ...body] = await readGrid(file, spec, limits);
  if (!header || header.every((cell) => cell === '')) {
    refuse(
      spec.aliases && spec.otherColumns === 'skip'
        ? `No header row found in the first rows: the columns are ${spec.columns.map((column) => columnName(spec, column)).join(', ')}`
        : 'The file has no header row',
    );
  }
  const columns = checkHeader(header, spec);
  const rows = body
    .map((cells, index) => ({ row: index + 2, cells }))
    .filter(({ cells }) => cells.some((cell) => cell !== ''))
    .map(({ row, cells }) => ({
      row,
      values: Object.fromEntries(
        columns.map((column, index) => [column, restoreNeutralisedFormula(cells[index] ?? '')]),
      ),
    }));
  if (rows.length === 0) {
    refuse('The file has a header row but no data rows');
  }
  if (rows.length > spec.maxRows) {
    refuse(`The file has ${rows.length} rows; at most ${spec.maxRows} can be imported at once`);
  }
  return rows;
}

/** The name a column is asked for by: its first alias, or itself. */
function columnName(spec: SheetSpec, column: string): string {
  return [...(spec.aliases ?? [])].find(([, to]) => to === column)?.[0] ?? column;
}

function checkHeader(header: string[], spec: SheetSpec): string[] {
  const columns = header.map((name) => {
    const key = name.trim().toLowerCase();
    return spec.aliases ? (spec.aliases.get(key) ?? key) : key;
  });
  const details: ApiErrorDetail[] = [];
  columns.forEach((column, index) => {
    if (spec.aliases && (column === '' || !spec.columns.includes(column))) {
      if (column !== '' && columns.indexOf(column) !== index) {
        details.push({ field: column, message: `Column "${column}" appears more than once` });
      }
    } else if (column === '') {
      details.push({ field: 'file', message: `Column ${index + 1} has no name` });
    } else if (!spec.columns.includes(column)) {
      details.push({
        field: column,
        message: `Unknown column "${header[index]}": the columns are ${spec.columns.join(', ')}`,
      });
    } else if (columns.indexOf(column) !== index) {
      details.push({ field: column, message: `Column "${columnName(spec, column)}" appears more than once` });
    }
  });
  for (const required of spec.required) {
    if (!columns.includes(required)) {
      details.push({ field: required, message: `Missing column "${columnName(spec, required)}"` });
    }
  }
  if (details.length > 0) {
    refuse(`The header row is not right: ${details.map((detail) => detail.message).join('; ')}`, details);
  }
  return columns;
}
