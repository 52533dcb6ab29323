import type { DsptListImportResult } from '@dspt/contracts';
import { AppConfigService, MAX_UPLOAD_BYTES, SpreadsheetReader } from '@dspt/server/platform';
import { ScopedDatabase } from '@dspt/server/data';
import { Injectable, Logger } from '@nestjs/common';
import { DSPT_LIST_SHEET_SPEC, DsptListImporter } from './dspt-list-importer';

const FETCH_TIMEOUT_MS = 60_000;

/**
 * The scheduled fetch: downloads DSPT_LIST_URL (bounded like an upload), then imports it as a system job. The
 * list's date is the answer's Last-Modified when it has one, else the time of the fetch. A failure is recorded
 * as a run with its error, so the admin page shows it.
 */
@Injectable()
export class DsptListFetcher {
  private readonly logger = new Logger(DsptListFetcher.name);

  constructor(
    private readonly config: AppConfigService,
    private readonly spreadsheets: SpreadsheetReader,
    private readonly importer: DsptListImporter,
    private readonly database: ScopedDatabase,
  ) {}

  async fetchAndImport(): Promise<DsptListImportResult | { error: string }> {
    const url = this.config.get('DSPT_LIST_URL');
    if (!url) {
      return { error: 'DSPT_LIST_URL is not set' };
    }
    const fileName = new URL(url).pathname.split('/').pop() || 'dspt-status-list';
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
      if (!response.ok) {
        throw new Error(`The list's address answered ${response.status} ${response.statusText}`);
      }
      const declared = Number(response.headers.get('content-length') ?? 0);
      if (declared > MAX_UPLOAD_BYTES) {
        throw new Error(`The list is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
      }
      const buffer = Buffer.from(await response.arrayBuffer());
      const lastModified = response.headers.get('last-modified');
      const listedAt = lastModified && !Number.isNaN(Date.parse(lastModified)) ? new Date(lastModified) : null;
      const file = { originalname: fileName, buffer, size: buffer.length };
      const rows = await this.spreadsheets.read(file, DSPT_LIST_SHEET_SPEC);
      return await this.importer.run({ buffer, fileName, rows, listedAt, source: 'scheduled', actorUserId: null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`The scheduled DSPT status list fetch failed: ${message}`);
      await this.database.outsideTenants((manager) =>
        manager.query(`INSERT INTO dspt_list_imports (source, file_name, error) VALUES ('scheduled', $1, $2)`, [
          fileName,
          message,
        ]),
      );
      return { error: message };
    }
  }
}
