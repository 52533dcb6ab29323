import { archiveLimitProblem, type ArchiveEntry, uncompressedProblem } from './archive-limits';

const MB = 1024 * 1024;
const limits = { maxEntries: 10, maxUncompressedBytes: 100 * MB, maxCompressionRatio: 100 };
const entry = (name: string, uncompressedBytes: number, compressedBytes: number): ArchiveEntry => ({
  name,
  uncompressedBytes,
  compressedBytes,
});
const workbook = [
  entry('[Content_Types].xml', 1_264, 345),
  entry('xl/worksheets/sheet1.xml', 15 * MB, 1.3 * MB),
  entry('xl/sharedStrings.xml', 5 * MB, 0.4 * MB),
];
const many = (n: number) => Array.from({ length: n }, (_, i) => entry(`part${i}.xml`, 100, 50));

describe('archiveLimitProblem', () => {
  it.each([
    ['a 30,000-row workbook (20 MB, 11:1)', null, workbook],
    ['no entries', null, []],
    ['exactly the entry limit', null, many(10)],
    ['one entry over the entry limit', 'entries', many(11)],
    ['exactly 100 MB uncompressed', null, [entry('a.xml', 100 * MB, 10 * MB)]],
    [
      'a byte over 100 MB in total',
      'uncompressedBytes',
      [entry('a.xml', 60 * MB, 10 * MB), entry('b.xml', 40 * MB + 1, 10 * MB)],
    ],
    [
      'a 128 MB sheet in 129 kB (the bomb)',
      'uncompressedBytes',
      [entry('xl/worksheets/sheet1.xml', 128 * MB, 129 * 1024)],
    ],
    ['one entry at 100:1', null, [entry('a.xml', 50 * MB, 0.5 * MB)]],
    ['one entry just over 100:1', 'compressionRatio', [entry('a.xml', 50 * MB, 0.5 * MB - 1)]],
    ['a small part at 1,000:1 (exempt)', null, [entry('a.xml', MB, 1024)]],
    ['an entry that declares nothing compressed', 'compressionRatio', [entry('a.xml', 2 * MB, 0)]],
    [
      'many parts each under 1 MB, together 500:1',
      'compressionRatio',
      Array.from({ length: 10 }, (_, i) => entry(`p${i}.xml`, 0.9 * MB, (0.9 * MB) / 500)),
    ],
  ] as const)('%s → %s', (_name, expected, entries) => {
    expect(archiveLimitProblem(entries, limits)?.limit ?? null).toBe(expected);
  });

  it('names the limit and the figures in its message', () => {
    expect(archiveLimitProblem(many(11), limits)?.message).toBe(
      'The spreadsheet holds 11 files; the limit is 10 entries',
    );
    expect(archiveLimitProblem([entry('xl/worksheets/sheet1.xml', 128 * MB, 129 * 1024)], limits)?.message).toBe(
      'The spreadsheet unpacks to 128 MB; the limit is 100 MB uncompressed',
    );
    expect(archiveLimitProblem([entry('xl/worksheets/sheet1.xml', 50 * MB, 50 * 1024)], limits)?.message).toBe(
      'xl/worksheets/sheet1.xml is compressed 1,024:1; the limit is a compression ratio of 100:1',
    );
    expect(uncompressedProblem(100 * MB + 1, 100 * MB, true).message).toBe(
      'The spreadsheet unpacks to more than 100 MB; the limit is 100 MB uncompressed',
    );
  });
});
