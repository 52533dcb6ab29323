import { z } from 'zod';

const whole = (name: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} must be between ${min} and ${max}`)
    .max(max, `${name} must be between ${min} and ${max}`);

/**
 * Limits on reading uploaded spreadsheets (provider, question-status and question-set imports). An .xlsx
 * is a zip: it is checked against the first three before anything unpacks it, then read in a worker
 * thread held to the next two. The defaults accept a 30,000-row provider import (about 20 MB unpacked,
 * 11:1, under 200 MB of heap to read) with room to spare. See docs/security.md "Uploaded spreadsheets".
 */
export const spreadsheetLimitVariables = {
  /** Files inside one .xlsx; Excel writes about 10 to 20. */
  SPREADSHEET_MAX_ENTRIES: whole('SPREADSHEET_MAX_ENTRIES', 10, 100_000).default(1_000),
  /** Total size of an .xlsx once unpacked, in MB, declared and really inflated. */
  SPREADSHEET_MAX_UNCOMPRESSED_MB: whole('SPREADSHEET_MAX_UNCOMPRESSED_MB', 1, 2_048).default(100),
  /** Unpacked bytes per packed byte, for each entry over 1 MB and for the whole file. */
  SPREADSHEET_MAX_COMPRESSION_RATIO: whole('SPREADSHEET_MAX_COMPRESSION_RATIO', 10, 10_000).default(100),
  /** Heap of the worker thread that reads one file, in MB; past it the upload gets a 413. */
  SPREADSHEET_PARSE_MEMORY_MB: whole('SPREADSHEET_PARSE_MEMORY_MB', 16, 8_192).default(384),
  /** How long one file may take to read; past it the worker is stopped and the upload gets a 422. */
  SPREADSHEET_PARSE_TIMEOUT_SECONDS: whole('SPREADSHEET_PARSE_TIMEOUT_SECONDS', 1, 600).default(60),
  /** Files read at once per api process; others wait their turn. */
  SPREADSHEET_PARSE_CONCURRENCY: whole('SPREADSHEET_PARSE_CONCURRENCY', 1, 32).default(2),
};
