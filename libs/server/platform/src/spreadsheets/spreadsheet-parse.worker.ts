/*
 * Runs in a worker thread (see spreadsheet-parser.ts), never in the api's own thread: it is the only
 * place exceljs and csv-parse read an uploaded file, so a file that needs too much memory or time ends
 * this thread (at its resourceLimits or the timeout) and not the api. It imports npm packages and Node
 * only, because it runs as its own file: built as `spreadsheet-parse-worker.js` next to the api's
 * main.js, or straight from this source (Node strips the types) in unit and in-process tests.
 */
import { parse } from 'csv-parse/sync';
import { StringDecoder } from 'node:string_decoder';
import { parentPort, workerData } from 'node:worker_threads';
import { createInflateRaw } from 'node:zlib';

export interface ParseRequest {
  /** For 'ods', `data` is the zip entry content.xml as stored (`zipMethod` 0) or deflated (8). */
  kind: 'xlsx' | 'csv' | 'ods';
  data: Uint8Array;
  zipMethod?: number;
  fileName: string;
  /** Data rows (non-blank rows after the header) the caller accepts; reading stops once past it. */
  maxRows: number;
  /**
   * Header names (lower-case) of the only columns wanted. The header is then the first row within
   * HEADER_SEARCH_ROWS that holds at least two of them (a published file may open with a title), and the
   * answer holds that header and the wanted columns only, so a wide file is never held whole.
   */
  pick?: readonly string[];
}

const HEADER_SEARCH_ROWS = 20;

/** The sheet's cells as trimmed text, or why the file cannot be read (a 400 naming `file`). */
export type ParseAnswer = { grid: string[][] } | { refusal: string };

class Refusal extends Error {}

function tooManyRows(maxRows: number): Refusal {
  return new Refusal(`The file has more than ${maxRows} rows; at most ${maxRows} can be imported at once`);
}

/** Counts rows as they are read and stops past the limit: blank rows are skipped later, but count towards a looser one. */
function rowCounter(maxRows: number): (cells: readonly string[]) => void {
  let rows = 0;
  let dataRows = -1;
  return (cells) => {
    rows++;
    if (cells.some((cell) => cell !== '')) {
      dataRows++;
    }
    if (dataRows > maxRows || rows > 2 * maxRows + 1) {
      throw tooManyRows(maxRows);
    }
  };
}

/**
 * Receives rows as they are read and keeps the grid: every row, or with `pick` the header row found and
 * the wanted columns of each row after it. Counts rows against maxRows as it goes.
 */
class GridCollector {
  readonly grid: string[][] = [];
  private readonly count: (cells: readonly string[]) => void;
  private columns: number[] | null = null;
  private seen = 0;

  private readonly request: Pick<ParseRequest, 'maxRows' | 'pick'>;

  // No parameter properties: Node strips this file's types when it runs unbundled.
  constructor(request: Pick<ParseRequest, 'maxRows' | 'pick'>) {
    this.request = request;
    this.count = rowCounter(request.maxRows);
  }

  /** With `pick`: false until a header row has been found. */
  get hasHeader(): boolean {
    return !this.request.pick || this.columns !== null;
  }

  add(cells: string[]): void {
    this.seen++;
    const pick = this.request.pick;
    if (!pick) {
      this.count(cells);
      this.grid.push(cells);
    } else if (this.columns) {
      this.count(cells);
      this.grid.push(this.columns.map((index) => cells[index] ?? ''));
    } else if (this.seen <= HEADER_SEARCH_ROWS) {
      const wanted = cells.map((cell, index) => (pick.includes(cell.toLowerCase()) ? index : -1));
      if (wanted.filter((index) => index >= 0).length >= 2) {
        this.columns = wanted.filter((index) => index >= 0);
        this.count(cells);
        this.grid.push(this.columns.map((index) => cells[index]));
      }
    }
  }
}

async function readXlsx(data: Buffer, request: ParseRequest): Promise<string[][]> {
  // Loaded only for workbooks: a CSV's worker starts without it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Refusal('The file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) {
    throw new Refusal('The workbook has no sheets');
  }
  const grid = new GridCollector(request);
  let next = 1;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    for (; next < rowNumber; next++) {
      grid.add([]);
    }
    const cells: string[] = [];
    for (let column = 1; column <= Math.max(row.cellCount, 1); column++) {
      cells.push(row.getCell(column).text.trim());
    }
    grid.add(cells);
    next = rowNumber + 1;
  });
  return grid.grid;
}

/** Repeated cells or rows past this are the sheet's empty remainder (ODS writes "1,048,000 empty rows"). */
const MAX_REPEAT = 1_000;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text with its entity and character references replaced. */
function decodeXml(text: string): string {
  return text.indexOf('&') < 0
    ? text
    : text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
        name[0] === '#'
          ? String.fromCodePoint(
              name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)),
            )
          : (ENTITIES[name] ?? whole),
      );
}

/** One attribute's value from a tag's attribute text, or undefined. */
function attribute(attributes: string, name: string): string | undefined {
  const at = attributes.indexOf(`${name}="`);
  return at < 0 ? undefined : attributes.slice(at + name.length + 2, attributes.indexOf('"', at + name.length + 2));
}

/**
 * The tags a sheet's cells are made of, any other tag (skipped), or text. ODS content.xml is machine
 * written XML without CDATA or comments inside tables, so a tokenizer this simple reads it, several
 * times faster than a general XML parser (CQC's register is some 56,000 rows).
 */
const ODS_TOKEN =
  /<(\/?)(table:table-row|table:table-cell|table:covered-table-cell|table:table|text:p|text:s|text:tab|text:line-break|office:annotation)(?=[\s/>])([^>]*?)(\/?)>|<[^>]*>|([^<]+)/g;

/**
 * Reads an OpenDocument spreadsheet's content.xml as it inflates, token by token: only the current row
 * and the collected grid are in memory, never the document. Sheets are tried in order for the header
 * when `pick` is set; otherwise the first sheet is read.
 */
function readOds(data: Buffer, request: ParseRequest): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    let grid = new GridCollector(request);
    let done = false;
    let carry = '';
    let row: string[] | null = null;
    let rowRepeat = 1;
    let cell: { text: string; repeat: number; paragraphs: number } | null = null;
    let annotation = 0;
    const repeat = (value: string | undefined) => Math.max(1, Math.min(Number(value ?? 1) || 1, MAX_REPEAT));
    const finish = (error?: Error) => {
      if (!done) {
        done = true;
        input?.destroy();
        if (error) {
          reject(error);
        } else {
          resolve(grid.hasHeader ? grid.grid : []);
        }
      }
    };
    const open = (name: string, attributes: string, empty: boolean) => {
      if (name === 'office:annotation') {
        annotation += empty ? 0 : 1;
      } else if (annotation > 0) {
        return;
      } else if (name === 'table:table-row') {
        row = [];
        rowRepeat = repeat(attribute(attributes, 'table:number-rows-repeated'));
      } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
        cell = { text: '', paragraphs: 0, repeat: repeat(attribute(attributes, 'table:number-columns-repeated')) };
      } else if (cell && name === 'text:p' && cell.paragraphs++ > 0) {
        cell.text += '\n';
      } else if (cell && name === 'text:s') {
        cell.text += ' '.repeat(repeat(attribute(attributes, 'text:c')));
      } else if (cell && name === 'text:tab') {
        cell.text += '\t';
      } else if (cell && name === 'text:line-break') {
        cell.text += '\n';
      }
    };
    const close = (name: string) => {
      if (name === 'office:annotation') {
        annotation = Math.max(0, annotation - 1);
      } else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && cell && row) {
        const text = decodeXml(cell.text).trim();
        for (let index = 0; index < cell.repeat; index++) {
          row.push(text);
        }
        cell = null;
      } else if (name === 'table:table-row' && row) {
        const cells: string[] = row;
        while (cells.length > 0 && cells[cells.length - 1] === '') {
          cells.pop();
        }
        const times = cells.length === 0 ? Math.min(rowRepeat, 2) : rowRepeat;
        for (let index = 0; index < times; index++) {
          grid.add([...cells]);
        }
        row = null;
      } else if (name === 'table:table') {
        if (grid.hasHeader) {
          finish();
        } else {
          grid = new GridCollector(request);
        }
      }
    };
    const feed = (text: string, last: boolean) => {
      let chunk = carry + text;
      carry = '';
      if (!last) {
        // A tag cut in two waits for its end in the next chunk.
        const lt = chunk.lastIndexOf('<');
        if (lt >= 0 && chunk.indexOf('>', lt) < 0) {
          carry = chunk.slice(lt);
          chunk = chunk.slice(0, lt);
        }
      }
      ODS_TOKEN.lastIndex = 0;
      try {
        for (let match = ODS_TOKEN.exec(chunk); match && !done; match = ODS_TOKEN.exec(chunk)) {
          const [, slash, name, attributes, empty, text] = match;
          if (text !== undefined) {
            if (cell && annotation === 0) {
              cell.text += text;
            }
          } else if (name && slash) {
            close(name);
          } else if (name) {
            open(name, attributes, empty === '/');
            if (empty === '/') {
              close(name);
            }
          }
        }
      } catch (error) {
        finish(error as Error);
      }
    };
    const input = request.zipMethod === 8 ? createInflateRaw() : null;
    const end = () => {
      feed(decoder.end(), true);
      finish();
    };
    if (!input) {
      feed(decoder.write(data), false);
      end();
      return;
    }
    input.on('data', (chunk: Buffer) => {
      if (!done) {
        feed(decoder.write(chunk), false);
      }
    });
    input.on('end', end);
    input.on('error', () => finish(new Refusal('The file is not a readable ODS spreadsheet')));
    input.end(data);
  });
}

function readCsv(data: Buffer, request: ParseRequest): string[][] {
  const { fileName } = request;
  if (/\.xlsx$/i.test(fileName)) {
    throw new Refusal('The file is named .xlsx but is not an XLSX workbook');
  }
  const text = data.toString('utf8');
  if (text.includes('\u0000') || text.includes('\uFFFD')) {
    throw new Refusal('The file is neither a CSV (UTF-8 text) nor an XLSX workbook');
  }
  const grid = new GridCollector(request);
  try {
    parse(text.replace(/^\uFEFF/, ''), {
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      on_record: (record: string[]) => {
        grid.add(record);
        return null;
      },
    });
    return grid.hasHeader ? grid.grid : [];
  } catch (error) {
    throw error instanceof Refusal ? error : new Refusal(`The CSV could not be read: ${(error as Error).message}`);
  }
}

async function answer(request: ParseRequest): Promise<ParseAnswer> {
  const data = Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength);
  try {
    const grid =
      request.kind === 'xlsx'
        ? await readXlsx(data, request)
        : request.kind === 'ods'
          ? await readOds(data, request)
          : readCsv(data, request);
    return { grid };
  } catch (error) {
    if (error instanceof Refusal) {
      return { refusal: error.message };
    }
    throw error;
  }
}

if (parentPort && workerData) {
  const port = parentPort;
  void answer(workerData as ParseRequest).then((result) => port.postMessage(result));
}
