import type { AppConfigService } from '../config';
import { RetryLater } from '@dspt/domain';
import { SpreadsheetReader, WAITING_PER_READER } from './spreadsheet-reader.service';

const SETTINGS: Record<string, number> = {
  SPREADSHEET_MAX_ENTRIES: 1_000,
  SPREADSHEET_MAX_UNCOMPRESSED_MB: 100,
  SPREADSHEET_MAX_COMPRESSION_RATIO: 100,
  SPREADSHEET_PARSE_MEMORY_MB: 64,
  SPREADSHEET_PARSE_TIMEOUT_SECONDS: 30,
  SPREADSHEET_PARSE_CONCURRENCY: 1,
};
const config = { get: (key: string) => SETTINGS[key] } as unknown as AppConfigService;
const spec = { columns: ['code'], required: ['code'], maxRows: 10 };
const file = (code: string) => ({
  originalname: 'a.csv',
  buffer: Buffer.from(`code\n${code}\n`),
  size: 7 + code.length,
});

describe('SpreadsheetReader', () => {
  it('reads one file at a time per place, lets a queue wait its turn, and asks the rest to try again', async () => {
    const reader = new SpreadsheetReader(config);
    const reads = Array.from({ length: WAITING_PER_READER + 3 }, (_, index) =>
      reader.read(file(`c${index}`), spec).then(
        (rows) => rows[0].values['code'],
        (error: unknown) => error,
      ),
    );
    const answers = await Promise.all(reads);
    // One reading, WAITING_PER_READER waiting: all of them read; the last two asked to retry later.
    expect(answers.slice(0, WAITING_PER_READER + 1)).toEqual(
      Array.from({ length: WAITING_PER_READER + 1 }, (_, index) => `c${index}`),
    );
    expect(answers.slice(WAITING_PER_READER + 1).map((error) => error instanceof RetryLater)).toEqual([true, true]);
    // Once the queue has drained, a new file reads at once.
    expect((await reader.read(file('again'), spec))[0].values['code']).toBe('again');
  });
});
