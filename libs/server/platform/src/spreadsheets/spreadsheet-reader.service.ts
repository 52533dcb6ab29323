import { RetryLater } from '@dspt/domain';
import { AppConfigService } from '../config';
import { Injectable } from '@nestjs/common';
import {
  readSpreadsheet,
  type SheetRow,
  type SheetSpec,
  type SpreadsheetLimits,
  type UploadedSpreadsheet,
} from './spreadsheet-reader';

/**
 * The one way uploads are read (provider imports, question statuses, question sets): `readSpreadsheet`
 * with the SPREADSHEET_* limits from the configuration, and at most SPREADSHEET_PARSE_CONCURRENCY files
 * being checked and read at once in this process, so many uploads together stay within
 * concurrency × SPREADSHEET_PARSE_MEMORY_MB; the others wait their turn, up to WAITING_PER_READER per
 * place, and beyond that are asked to try again (429), rather than pile up in memory.
 */
export const WAITING_PER_READER = 10;

@Injectable()
export class SpreadsheetReader {
  private readonly limits: SpreadsheetLimits;
  private readonly concurrency: number;
  private reading = 0;
  private readonly queue: Array<() => void> = [];

  constructor(config: AppConfigService) {
    this.limits = {
      archive: {
        maxEntries: config.get('SPREADSHEET_MAX_ENTRIES'),
        maxUncompressedBytes: config.get('SPREADSHEET_MAX_UNCOMPRESSED_MB') * 1024 * 1024,
        maxCompressionRatio: config.get('SPREADSHEET_MAX_COMPRESSION_RATIO'),
      },
      parse: {
        memoryMb: config.get('SPREADSHEET_PARSE_MEMORY_MB'),
        timeoutMs: config.get('SPREADSHEET_PARSE_TIMEOUT_SECONDS') * 1000,
      },
    };
    this.concurrency = config.get('SPREADSHEET_PARSE_CONCURRENCY');
  }

  async read(file: UploadedSpreadsheet | undefined, spec: SheetSpec): Promise<SheetRow[]> {
    if (this.reading < this.concurrency) {
      this.reading++;
    } else if (this.queue.length >= this.concurrency * WAITING_PER_READER) {
      throw new RetryLater('Too many spreadsheets are being read at the moment: try again in a few seconds', 5);
    } else {
      // A finishing read hands its place straight to the first in the queue.
      await new Promise<void>((resolve) => this.queue.push(resolve));
    }
    try {
      return await readSpreadsheet(file, spec, this.limits);
    } finally {
      const next = this.queue.shift();
      if (next) {
        next();
      } else {
        this.reading--;
      }
    }
  }
}
