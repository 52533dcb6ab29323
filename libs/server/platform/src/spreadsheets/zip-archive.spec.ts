import { type ArchiveLimit } from '@dspt/domain';
import { zipFile, type ZipFileEntry } from './testing';
import { randomBytes } from 'node:crypto';
import { inspectArchive, readZipDirectory, ZipFormatError } from './zip-archive';

const MB = 1024 * 1024;
const limits = { maxEntries: 20, maxUncompressedBytes: 10 * MB, maxCompressionRatio: 100 };
const xml = (bytes: number) => Buffer.alloc(bytes, ' ');
/** Text that hardly compresses (random base64), like dense data rather than padding. */
const varied = (bytes: number) =>
  Buffer.from(
    randomBytes(Math.ceil((bytes * 3) / 4))
      .toString('base64')
      .slice(0, bytes),
  );

const CASES: [string, ArchiveLimit | null, ZipFileEntry[]][] = (
  [
    [
      'a small workbook',
      [
        { name: '[Content_Types].xml', content: '<Types/>' },
        { name: 'xl/worksheets/sheet1.xml', content: varied(200_000) },
      ],
      null,
    ],
    ['a stored (uncompressed) entry', [{ name: 'a.xml', content: varied(2 * MB), method: 0 }], null],
    ['20 entries', Array.from({ length: 20 }, (_, i) => ({ name: `p${i}.xml`, content: '<a/>' })), null],
    ['21 entries', Array.from({ length: 21 }, (_, i) => ({ name: `p${i}.xml`, content: '<a/>' })), 'entries'],
    ['11 MB of real content, declared', [{ name: 'a.xml', content: varied(11 * MB) }], 'uncompressedBytes'],
    ['1 MB of spaces (exempt from the ratio)', [{ name: 'a.xml', content: xml(MB) }], null],
    ['5 MB of spaces, over 1,000:1', [{ name: 'a.xml', content: xml(5 * MB) }], 'compressionRatio'],
    [
      '5 MB of spaces that claim to be 1 kB (a lying directory)',
      [{ name: 'a.xml', content: xml(5 * MB), declaredSize: 1024 }],
      'compressionRatio',
    ],
    [
      '11 MB of real content that claims to be 1 MB',
      [{ name: 'a.xml', content: varied(11 * MB), declaredSize: MB }],
      'uncompressedBytes',
    ],
    [
      'parts of 0.9 MB spaces each, claiming 1 kB (whole ratio)',
      Array.from({ length: 3 }, (_, i) => ({ name: `p${i}.xml`, content: xml(0.9 * MB), declaredSize: 1024 })),
      'compressionRatio',
    ],
  ] as [string, ZipFileEntry[], ArchiveLimit | null][]
).map(([name, entries, expected]) => [name, expected, entries]);

describe('inspectArchive', () => {
  it.each(CASES)('%s → %s', async (_name, expected, entries) => {
    expect((await inspectArchive(zipFile(entries), limits))?.limit ?? null).toBe(expected);
  });

  it('says what the real content came to when the directory lied', async () => {
    const problem = await inspectArchive(
      zipFile([{ name: 'a.xml', content: varied(11 * MB), declaredSize: MB }]),
      limits,
    );
    expect(problem?.message).toBe('The spreadsheet unpacks to more than 10 MB; the limit is 10 MB uncompressed');
  });

  it.each([
    ['not a zip', Buffer.from('code,status\n1.1.5,completed\n')],
    ['a zip cut short', zipFile([{ name: 'a.xml', content: varied(1000) }]).subarray(0, 200)],
    [
      'a directory pointing past its data',
      (() => {
        const zip = zipFile([{ name: 'a.xml', content: varied(1000) }]);
        zip.writeUInt32LE(zip.length, zip.length - 6); // the directory's offset, in the end record
        return zip;
      })(),
    ],
  ])('refuses %s as unreadable', async (_name, buffer) => {
    await expect(inspectArchive(buffer, limits)).rejects.toBeInstanceOf(ZipFormatError);
  });

  it('reads the directory without unpacking: names, methods and declared sizes', () => {
    const entries = readZipDirectory(
      zipFile([
        { name: 'a.xml', content: 'abc' },
        { name: 'b.bin', content: 'xyz', method: 0, declaredSize: 99 },
      ]),
    );
    expect(entries.map(({ name, method, uncompressedBytes }) => [name, method, uncompressedBytes])).toEqual([
      ['a.xml', 8, 3],
      ['b.bin', 0, 99],
    ]);
  });
});
