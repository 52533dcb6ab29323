import { InvalidInputException } from '@dspt/server/http';
import ExcelJS from 'exceljs';
import { neutraliseFormula, restoreNeutralisedFormula } from './formula-injection';
import { readSpreadsheet, type SheetSpec } from './spreadsheet-reader';
import { writeCsv, writeXlsx } from './spreadsheet-writer';

const spec: SheetSpec = { columns: ['code', 'title', 'level'], required: ['code', 'level'], maxRows: 3 };
const csv = (text: string, name = 'questions.csv') => ({ originalname: name, buffer: Buffer.from(text), size: Buffer.byteLength(text) });

async function refusal(promise: Promise<unknown>): Promise<InvalidInputException> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidInputException);
  return error as InvalidInputException;
}

describe('neutraliseFormula', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+44 20', "'+44 20"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\t=1', "'\t=1"],
    ['Oak House', 'Oak House'],
    ['', ''],
  ])('%j → %j', (value, expected) => {
    expect(neutraliseFormula(value)).toBe(expected);
  });
});

describe('restoreNeutralisedFormula', () => {
  it.each([
    ["'=SUM(A1)", '=SUM(A1)'],
    ["'+44 20", '+44 20'],
    ["'@cmd", '@cmd'],
    ["'Tis the season", "'Tis the season"],
    ['Oak House', 'Oak House'],
  ])('%j → %j', (value, expected) => {
    expect(restoreNeutralisedFormula(value)).toBe(expected);
  });

  it('undoes neutraliseFormula', () => {
    for (const value of ['=1+1', '-3', '@x', 'plain', "'quoted"]) {
      expect(restoreNeutralisedFormula(neutraliseFormula(value))).toBe(value);
    }
  });
});

describe('readSpreadsheet', () => {
  it('reads a CSV with headers in any order and case, skipping blank rows, numbering rows as shown', async () => {
    const rows = await readSpreadsheet(csv('\uFEFFLevel, CODE ,Title\nAS,1.1.5,Senior person\n,,\nSM, 4.1.1 ,"Access, records"\n'), spec);
    expect(rows).toEqual([
      { row: 2, values: { level: 'AS', code: '1.1.5', title: 'Senior person' } },
      { row: 4, values: { level: 'SM', code: '4.1.1', title: 'Access, records' } },
    ]);
  });

  it('reads the first sheet of an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Questions');
    sheet.addRows([
      ['code', 'level'],
      ['1.1.5', 'AS'],
      [9.1, 'none'],
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const rows = await readSpreadsheet({ originalname: 'q.xlsx', buffer, size: buffer.length }, spec);
    expect(rows).toEqual([
      { row: 2, values: { code: '1.1.5', level: 'AS' } },
      { row: 3, values: { code: '9.1', level: 'none' } },
    ]);
  });

  it('names unknown, missing and repeated columns', async () => {
    const error = await refusal(readSpreadsheet(csv('code,colour,title,title\n1.1.5,red,a,b\n'), spec));
    expect(error.details).toEqual([
      { field: 'colour', message: 'Unknown column "colour": the columns are code, title, level' },
      { field: 'title', message: 'Column "title" appears more than once' },
      { field: 'level', message: 'Missing column "level"' },
    ]);
  });

  it.each([
    ['an empty file', csv(''), 'The file is empty'],
    ['a header without rows', csv('code,level\n\n'), 'The file has a header row but no data rows'],
    ['a text file renamed .xlsx', csv('code,level\n1,AS\n', 'q.xlsx'), 'The file is named .xlsx but is not an XLSX workbook'],
    ['a binary file', { originalname: 'q.csv', buffer: Buffer.from([0, 1, 2, 255, 254]), size: 5 }, 'neither a CSV'],
    ['a broken zip', { originalname: 'q.xlsx', buffer: Buffer.from('PK\u0003\u0004garbage'), size: 11 }, 'not a readable XLSX'],
    ['too many rows', csv('code,level\n1,AS\n2,AS\n3,AS\n4,AS\n'), 'at most 3 can be imported'],
    ['a missing file', undefined, 'Attach a CSV or XLSX file'],
  ])('refuses %s with a message naming the file', async (_label, file, message) => {
    const error = await refusal(readSpreadsheet(file, spec));
    expect(error.message).toContain(message);
    expect(error.details[0].field).toBe('file');
  });
});

describe('writers', () => {
  it('write CSV and XLSX with formula cells neutralised, which read back as they were', async () => {
    const rows = [
      ['1.1.5', '=HYPERLINK("http://evil")', 'AS'],
      ['4.1.1', 'Plain', null],
    ];
    const text = writeCsv(['code', 'title', 'level'], rows);
    expect(text.startsWith('\uFEFFcode,title,level\n')).toBe(true);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const xlsx = await writeXlsx('Questions', ['code', 'title', 'level'], rows);
    const back = await readSpreadsheet({ originalname: 'back.xlsx', buffer: xlsx, size: xlsx.length }, spec);
    expect(back[0].values).toEqual({ code: '1.1.5', title: '=HYPERLINK("http://evil")', level: 'AS' });
    expect(back[1].values.level).toBe('');
  });
});
