/** One file inside an uploaded archive (an .xlsx or .ods is a zip), with the sizes its directory declares. */
export interface ArchiveEntry {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
}

export interface ArchiveLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Uncompressed bytes per compressed byte, for each entry and for the whole archive. */
  maxCompressionRatio: number;
}

export type ArchiveLimit = 'entries' | 'uncompressedBytes' | 'compressionRatio';

export interface ArchiveProblem {
  limit: ArchiveLimit;
  message: string;
}

/**
 * Content this small is never refused for its ratio: a short XML part can compress 200:1 and still be
 * harmless. Anything larger has to keep within the ratio (each entry, and the archive as a whole).
 */
export const RATIO_EXEMPT_BYTES = 1024 * 1024;

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const count = (value: number) => value.toLocaleString('en-GB');

/** The refusal for an entry (or the whole archive) that inflates more than `max` times its compressed size. */
export function compressionRatioProblem(
  name: string,
  uncompressed: number,
  compressed: number,
  max: number,
  atLeast = false,
): ArchiveProblem {
  const ratio =
    compressed === 0
      ? 'without limit'
      : `${atLeast ? 'more than ' : ''}${count(Math.floor(uncompressed / compressed))}:1`;
  return {
    limit: 'compressionRatio',
    message: `${name} is compressed ${ratio}; the limit is a compression ratio of ${count(max)}:1`,
  };
}

function ratioProblem(name: string, uncompressed: number, compressed: number, max: number): ArchiveProblem | null {
  return uncompressed <= RATIO_EXEMPT_BYTES || uncompressed <= compressed * max
    ? null
    : compressionRatioProblem(name, uncompressed, compressed, max);
}

/**
 * The first limit an archive's directory breaks, checked before a byte of it is unpacked: the number of
 * entries, the total uncompressed size, then the compression ratio of each entry and of the whole.
 * Declared sizes can lie, so the reader also counts the bytes it really inflates (against the same limits).
 */
export function archiveLimitProblem(entries: readonly ArchiveEntry[], limits: ArchiveLimits): ArchiveProblem | null {
  if (entries.length > limits.maxEntries) {
    return {
      limit: 'entries',
      message: `The spreadsheet holds ${count(entries.length)} files; the limit is ${count(limits.maxEntries)} entries`,
    };
  }
  const uncompressed = entries.reduce((sum, entry) => sum + entry.uncompressedBytes, 0);
  if (uncompressed > limits.maxUncompressedBytes) {
    return uncompressedProblem(uncompressed, limits.maxUncompressedBytes);
  }
  for (const entry of entries) {
    const problem = ratioProblem(
      entry.name,
      entry.uncompressedBytes,
      entry.compressedBytes,
      limits.maxCompressionRatio,
    );
    if (problem) {
      return problem;
    }
  }
  const compressed = entries.reduce((sum, entry) => sum + entry.compressedBytes, 0);
  return ratioProblem('The spreadsheet', uncompressed, compressed, limits.maxCompressionRatio);
}

/** The refusal for content that unpacks (or would unpack) to more than the limit. */
export function uncompressedProblem(bytes: number, maxBytes: number, atLeast = false): ArchiveProblem {
  return {
    limit: 'uncompressedBytes',
    message: `The spreadsheet unpacks to ${atLeast ? 'more than ' : ''}${megabytes(bytes)}; the limit is ${megabytes(maxBytes)} uncompressed`,
  };
}
