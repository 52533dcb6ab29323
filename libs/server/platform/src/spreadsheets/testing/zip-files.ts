import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipFileEntry {
  name: string;
  content: Buffer | string;
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
    const content = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content);
    const method = entry.method ?? 8;
    const data = method === 8 ? deflateRawSync(content, { level: 9 }) : content;
    const name = Buffer.from(entry.name);
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(crc32(content), 0);
    sizes.writeUInt32LE(data.length, 4);
    sizes.writeUInt32LE(entry.declaredSize ?? content.length, 8);
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

/** The entries of a zip written by a well-behaved writer (exceljs), unpacked: to rewrite a real workbook. */
export function unzipFile(zip: Buffer): { name: string; content: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries: { name: string; content: Buffer }[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    entries.push({ name, content: method === 8 ? inflateRawSync(data) : Buffer.from(data) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * A zip bomb that is still a valid workbook: `xlsx` with `padding` bytes of spaces (legal whitespace
 * in XML) inside its first sheet's `<sheetData>`. 100 MB of spaces deflate to about 100 kB, over 1,000:1.
 */
export function paddedWorkbook(xlsx: Buffer, padding: number, extraEntries = 0): Buffer {
  const entries: ZipFileEntry[] = unzipFile(xlsx).map(({ name, content }) => {
    if (name !== 'xl/worksheets/sheet1.xml' || padding === 0) {
      return { name, content };
    }
    const xml = content.toString('utf8');
    const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    return {
      name,
      content: Buffer.concat([Buffer.from(xml.slice(0, at)), Buffer.alloc(padding, ' '), Buffer.from(xml.slice(at))]),
    };
  });
  for (let index = 0; index < extraEntries; index++) {
    entries.push({ name: `customXml/item${index}.xml`, content: '<a/>' });
  }
  return zipFile(entries);
}
