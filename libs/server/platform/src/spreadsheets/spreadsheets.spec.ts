import { InvalidInput, Refusal, type RefusalKind } from '@dspt/domain';
import { paddedWorkbook, writeOds } from './testing';
import ExcelJS from 'exceljs';
import { neutraliseFormula, restoreNeutralisedFormula } from './formula-injection';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  readSpreadsheet,
  type SheetSpec,
  type SpreadsheetLimits,
} from './spreadsheet-reader';
import { writeCsv, writeXlsx } from './spreadsheet-writer';

const spec: SheetSpec = { columns: ['code', 'title', 'level'], required: ['code', 'level'], maxRows: 3 };
const csv = (text: string, name = 'questions.csv') => ({
  originalname: name,
  buffer: Buffer.from(text),
  size: Buffer.byteLength(text),
});

async function refusal(promise: Promise<unknown>): Promise<InvalidInput> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  return error as InvalidInput;
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
    const rows = await readSpreadsheet(
      csv('\uFEFFLevel, CODE ,Title\nAS,1.1.5,Senior person\n,,\nSM, 4.1.1 ,"Access, records"\n'),
      spec,
    );
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
    [
      'a text file renamed .xlsx',
      csv('code,level\n1,AS\n', 'q.xlsx'),
      'The file is named .xlsx but is not an XLSX workbook',
    ],
    ['a binary file', { originalname: 'q.csv', buffer: Buffer.from([0, 1, 2, 255, 254]), size: 5 }, 'neither a CSV'],
    [
      'a broken zip',
      { originalname: 'q.xlsx', buffer: Buffer.from('PK\u0003\u0004garbage'), size: 11 },
      'not a readable XLSX',
    ],
    ['too many rows', csv('code,level\n1,AS\n2,AS\n3,AS\n4,AS\n'), 'at most 3 can be imported'],
    ['a missing file', undefined, 'Attach a CSV, XLSX or ODS file'],
  ])('refuses %s with a message naming the file', async (_label, file, message) => {
    const error = await refusal(readSpreadsheet(file, spec));
    expect(error.message).toContain(message);
    expect(error.details[0].field).toBe('file');
  });
});

describe('readSpreadsheet within its limits', () => {
  const MB = 1024 * 1024;
  const limits = (
    archive: Partial<SpreadsheetLimits['archive']>,
    parse: Partial<SpreadsheetLimits['parse']> = {},
  ): SpreadsheetLimits => ({
    archive: { ...DEFAULT_SPREADSHEET_LIMITS.archive, ...archive },
    parse: { ...DEFAULT_SPREADSHEET_LIMITS.parse, ...parse },
  });
  const xlsx = (buffer: Buffer) => ({ originalname: 'q.xlsx', buffer, size: buffer.length });
  let workbook: Buffer;

  beforeAll(async () => {
    workbook = await writeXlsx('Questions', ['code', 'level'], [['1.1.5', 'AS']]);
  });

  async function limitRefusal(promise: Promise<unknown>, kind: RefusalKind): Promise<string> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Refusal);
    const refused = error as Refusal;
    expect([refused.kind, refused.details]).toEqual([kind, [{ field: 'file', message: refused.message }]]);
    return refused.message;
  }

  it.each([
    ['unpacks past the size limit', { maxUncompressedBytes: 5 * MB }, 8 * MB, 0, 'the limit is 5 MB uncompressed'],
    [
      'compresses past the ratio limit',
      { maxCompressionRatio: 100 },
      8 * MB,
      0,
      'the limit is a compression ratio of 100:1',
    ],
    ['holds more entries than the limit', { maxEntries: 10 }, 0, 20, 'the limit is 10 entries'],
  ])(
    'refuses a workbook that %s as too large, naming the limit',
    async (_name, archive, padding, extraEntries, message) => {
      const bomb = paddedWorkbook(workbook, padding, extraEntries);
      expect(await limitRefusal(readSpreadsheet(xlsx(bomb), spec, limits(archive)), 'too_large')).toContain(message);
    },
  );

  it('still reads a padded workbook that keeps within the limits', async () => {
    const padded = paddedWorkbook(workbook, 2 * MB);
    expect(await readSpreadsheet(xlsx(padded), spec, limits({ maxCompressionRatio: 10_000 }))).toEqual([
      { row: 2, values: { code: '1.1.5', level: 'AS' } },
    ]);
  });

  it('refuses as too large what needs more memory than the worker thread has', async () => {
    const wide = csv(`code,level\n${'a,'.repeat(3 * MB)}\n`);
    expect(await limitRefusal(readSpreadsheet(wide, spec, limits({}, { memoryMb: 16 })), 'too_large')).toContain(
      'more than 16 MB of memory',
    );
  });

  it('refuses as unprocessable a file whose reading takes longer than the limit', async () => {
    expect(
      await limitRefusal(readSpreadsheet(xlsx(workbook), spec, limits({}, { timeoutMs: 1 })), 'unprocessable'),
    ).toContain('longer than 0.001 seconds');
  });

  it('stops reading a CSV once it has more rows than the import takes', async () => {
    const error = await refusal(readSpreadsheet(csv(`code,level\n${'1,AS\n'.repeat(100_000)}`), spec));
    expect(error.message).toBe('The file has more than 3 rows; at most 3 can be imported at once');
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

describe('readSpreadsheet with aliases (wide published files)', () => {
  const aliased: SheetSpec = {
    columns: ['id', 'name'],
    required: ['id', 'name'],
    maxRows: 5,
    aliases: new Map([
      ['location id', 'id'],
      ['id', 'id'],
      ['location name', 'name'],
    ]),
    otherColumns: 'skip',
  };
  const ods = (buffer: Buffer) => ({ originalname: 'register.ods', buffer, size: buffer.length });
  const expected = [
    { row: 2, values: { id: '1-1', name: 'Oak & Ash <House>' } },
    { row: 3, values: { id: '1-2', name: 'Elm' } },
  ];

  it('reads an ODS sheet after its title rows, keeping only the named columns', async () => {
    const file = writeOds(
      'Locations',
      ['Location ID', 'Dormant', 'Location Name'],
      [
        ['1-1', 'N', 'Oak & Ash <House>'],
        ['1-2', '', 'Elm'],
      ],
      ['HSCA Active Locations', 'Published monthly'],
    );
    await expect(readSpreadsheet(ods(file), aliased)).resolves.toEqual(expected);
  });

  it('reads the same from a CSV and an XLSX, by any alias', async () => {
    const rows = [
      ['1-1', 'x', 'Oak & Ash <House>'],
      ['1-2', 'y', 'Elm'],
    ];
    await expect(readSpreadsheet(csv(writeCsv(['ID', 'Extra', 'Location name'], rows)), aliased)).resolves.toEqual(
      expected,
    );
    const xlsx = await writeXlsx('Sheet', ['Location ID', 'Extra', 'LOCATION NAME'], rows);
    await expect(
      readSpreadsheet({ originalname: 'r.xlsx', buffer: xlsx, size: xlsx.length }, aliased),
    ).resolves.toEqual(expected);
  });

  it('names the missing column by its first alias, and refuses a file without a header', async () => {
    const missing = await refusal(readSpreadsheet(csv('Location ID,Other\n1-1,x\n'), { ...aliased }));
    expect(missing.message).toMatch(/No header row found/);
    const named = await refusal(readSpreadsheet(csv('Location ID,ID\n1-1,1-1\n'), aliased));
    expect(named.details).toContainEqual({ field: 'name', message: 'Missing column "location name"' });
  });
});

describe('readSpreadsheet with aliases, keeping other columns (files whose layout changes)', () => {
  const keeping: SheetSpec = {
    columns: ['id', 'name'],
    required: [],
    maxRows: 5,
    aliases: new Map([
      ['location id', 'id'],
      ['name', 'name'],
    ]),
  };

  it('keeps columns it does not name, and unnamed ones, under their own names', async () => {
    await expect(readSpreadsheet(csv('Location ID,Result,\n1-1,Met,x\n'), keeping)).resolves.toEqual([
      { row: 2, values: { id: '1-1', result: 'Met', '': 'x' } },
    ]);
  });

  it('still refuses a column that appears twice, named or not', async () => {
    const twice = await refusal(readSpreadsheet(csv('Location ID,Result,Result,Name,Name\n1,a,b,c,d\n'), keeping));
    expect(twice.details).toEqual([
      { field: 'result', message: 'Column "result" appears more than once' },
      { field: 'name', message: 'Column "name" appears more than once' },
    ]);
  });
});
