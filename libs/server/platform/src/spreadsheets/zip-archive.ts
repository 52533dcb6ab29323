import {
  type ArchiveEntry,
  type ArchiveLimits,
  type ArchiveProblem,
  archiveLimitProblem,
  RATIO_EXEMPT_BYTES,
  compressionRatioProblem,
  uncompressedProblem,
} from '@dspt/domain';
import { createInflateRaw } from 'node:zlib';

/** An entry of a zip's central directory, with where its data starts. */
export interface ZipEntry extends ArchiveEntry {
  /** 0 stored, 8 deflated; nothing else appears in spreadsheets. */
  method: number;
  localHeaderOffset: number;
}

/** The file is not a zip archive we can read (truncated, ZIP64, a directory that points outside the file). */
export class ZipFormatError extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

function endOfDirectory(buffer: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) {
      return at;
    }
  }
  throw new ZipFormatError('no end-of-directory record');
}

/**
 * Reads a zip's central directory (the list at its end) without unpacking anything: each entry's name,
 * method, declared sizes and where its data is. Only the directory is trusted to list entries, as every
 * zip reader does; its sizes are checked again while inflating (`inflatedSizeProblem`).
 */
export function readZipDirectory(buffer: Buffer): ZipEntry[] {
  const end = endOfDirectory(buffer);
  const declaredCount = buffer.readUInt16LE(end + 10);
  const size = buffer.readUInt32LE(end + 12);
  const offset = buffer.readUInt32LE(end + 16);
  if (offset === ZIP64_MARK || declaredCount === 0xffff || offset + size > end) {
    throw new ZipFormatError('ZIP64 or a directory outside the file');
  }
  const entries: ZipEntry[] = [];
  for (let at = offset; at < offset + size;) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new ZipFormatError('a broken directory entry');
    }
    const nameLength = buffer.readUInt16LE(at + 28);
    const entry: ZipEntry = {
      method: buffer.readUInt16LE(at + 10),
      compressedBytes: buffer.readUInt32LE(at + 20),
      uncompressedBytes: buffer.readUInt32LE(at + 24),
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      localHeaderOffset: buffer.readUInt32LE(at + 42),
    };
    if (
      entry.compressedBytes === ZIP64_MARK ||
      entry.uncompressedBytes === ZIP64_MARK ||
      entry.localHeaderOffset === ZIP64_MARK
    ) {
      throw new ZipFormatError('ZIP64 entries');
    }
    entries.push(entry);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
export function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_HEADER) {
    throw new ZipFormatError(`no local header for ${entry.name}`);
  }
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressedBytes > buffer.length) {
    throw new ZipFormatError(`${entry.name} runs past the end of the file`);
  }
  return buffer.subarray(start, start + entry.compressedBytes);
}

/**
 * Inflates `data` and counts the bytes, keeping none of them; stops as soon as the count passes `cap`
 * (answering cap + 1), so a lying directory cannot make us inflate more than the limit.
 */
export function inflatedBytes(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let total = 0;
    inflate.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        inflate.destroy();
        resolve(cap + 1);
      }
    });
    inflate.on('end', () => resolve(total));
    inflate.on('error', () => reject(new ZipFormatError('a damaged compressed entry')));
    inflate.end(data);
  });
}

/**
 * Checks a zip (an .xlsx or .ods) against the limits before any reader sees it: first the directory's
 * declared entry count, sizes and ratios, then the bytes each entry really inflates to, counted by a
 * stream that stops past the limit. Answers the first limit broken, or null. Throws ZipFormatError for
 * a file that is not a readable zip.
 */
export async function inspectArchive(buffer: Buffer, limits: ArchiveLimits): Promise<ArchiveProblem | null> {
  const entries = readZipDirectory(buffer);
  const declared = archiveLimitProblem(entries, limits);
  if (declared) {
    return declared;
  }
  let total = 0;
  const inflated: ArchiveEntry[] = [];
  for (const entry of entries) {
    const data = entryData(buffer, entry);
    const ratioCap = Math.max(RATIO_EXEMPT_BYTES, data.length * limits.maxCompressionRatio);
    const budget = limits.maxUncompressedBytes - total;
    let bytes: number;
    if (entry.method === 0) {
      bytes = data.length;
    } else if (entry.method === 8) {
      bytes = await inflatedBytes(data, Math.min(ratioCap, budget));
    } else {
      throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
    }
    total += bytes;
    if (total > limits.maxUncompressedBytes) {
      return uncompressedProblem(total, limits.maxUncompressedBytes, true);
    }
    if (bytes > ratioCap) {
      return compressionRatioProblem(entry.name, bytes, data.length, limits.maxCompressionRatio, true);
    }
    inflated.push({ name: entry.name, compressedBytes: data.length, uncompressedBytes: bytes });
  }
  // The real sizes against every limit again: the whole archive's ratio, above all.
  return archiveLimitProblem(inflated, limits);
}
