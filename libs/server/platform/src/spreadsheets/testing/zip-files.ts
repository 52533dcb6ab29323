import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/** Text with `padding` spaces between `before` and `after`: a bomb's content, never held whole in memory. */
export interface PaddedContent {
  before: Buffer;
  padding: number;
  after: Buffer;
}

export interface ZipFileEntry {
  name: string;
  content: Buffer | string | PaddedContent;
  /** 8 (deflate, the default) or 0 (stored). */
  method?: 0 | 8;
  /** What the directory claims the entry unpacks to; the truth when left out. A lying archive sets it. */
  declaredSize?: number;
}

/** A zip archive written byte by byte, so tests can make archives no ordinary writer would (bombs, lies). */
export function zipFile(entries: readonly ZipFileEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const { data, crc, size } = stored(entry.content, method);
    const name = Buffer.from(entry.name);
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc, 0);
    sizes.writeUInt32LE(data.length, 4);
    sizes.writeUInt32LE(entry.declaredSize ?? size, 8);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    sizes.copy(local, 14);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    sizes.copy(central, 16);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

const PADDING_CHUNK = Buffer.alloc(1024 * 1024, ' ');
let deflatedPaddingChunk: Buffer | undefined;

/**
 * An entry's data as stored, its CRC and its size. Padding is deflated a megabyte at a time, each piece
 * ending on a byte boundary (a sync flush), so one deflated megabyte repeated stands for gigabytes.
 */
function stored(content: ZipFileEntry['content'], method: 0 | 8): { data: Buffer; crc: number; size: number } {
  if (typeof content === 'string' || Buffer.isBuffer(content)) {
    const bytes = Buffer.from(content);
    return { data: method === 8 ? deflateRawSync(bytes, { level: 9 }) : bytes, crc: crc32(bytes), size: bytes.length };
  }
  if (method !== 8) {
    throw new Error('Padded content is written deflated');
  }
  const flushed = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
  deflatedPaddingChunk ??= deflateRawSync(PADDING_CHUNK, flushed);
  const whole = Math.floor(content.padding / PADDING_CHUNK.length);
  const rest = PADDING_CHUNK.subarray(0, content.padding % PADDING_CHUNK.length);
  let crc = crc32(content.before);
  for (let chunk = 0; chunk < whole; chunk++) {
    crc = crc32(PADDING_CHUNK, crc);
  }
  crc = crc32(content.after, crc32(rest, crc));
  return {
    data: Buffer.concat([
      deflateRawSync(content.before, flushed),
      ...Array<Buffer>(whole).fill(deflatedPaddingChunk),
      deflateRawSync(rest, flushed),
      deflateRawSync(content.after, { level: 9 }),
    ]),
    crc,
    size: content.before.length + content.padding + content.after.length,
  };
}

/** The entries of a zip written by a well-behaved writer (exceljs), unpacked: to rewrite a real workbook. */
export function unzipFile(zip: Buffer): { name: string; content: Buffer; method: 0 | 8 }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries: { name: string; content: Buffer; method: 0 | 8 }[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    entries.push(
      method === 8 ? { name, content: inflateRawSync(data), method } : { name, content: Buffer.from(data), method: 0 },
    );
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** Where a bomb's spaces go in each format: inside the first sheet, where XML allows whitespace. */
const PADDING_PLACES = [
  { entry: 'xl/worksheets/sheet1.xml', after: '<sheetData>' },
  { entry: 'content.xml', after: '<office:spreadsheet>' },
];

/**
 * A zip bomb that is still a valid workbook: `workbook` (.xlsx or .ods) with `padding` bytes of spaces
 * (legal whitespace in XML) inside its first sheet. 100 MB of spaces deflate to about 100 kB, over
 * 1,000:1; gigabytes cost the test no more memory than their deflated size.
 */
export function paddedWorkbook(workbook: Buffer, padding: number, extraEntries = 0): Buffer {
  const entries: ZipFileEntry[] = unzipFile(workbook).map(({ name, content, method }) => {
    const place = PADDING_PLACES.find((candidate) => candidate.entry === name);
    if (!place || padding === 0) {
      return { name, content, method };
    }
    const found = content.indexOf(place.after);
    if (found < 0) {
      throw new Error(`${name} has no ${place.after} to pad after`);
    }
    const at = found + place.after.length;
    return { name, content: { before: content.subarray(0, at), padding, after: content.subarray(at) } };
  });
  for (let index = 0; index < extraEntries; index++) {
    entries.push({ name: `customXml/item${index}.xml`, content: '<a/>' });
  }
  return zipFile(entries);
}
