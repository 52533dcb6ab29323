import { NotFound, invalidField, Refusal } from '@dspt/domain';
import type {
  DsptListImportAccepted,
  DsptListImportProgress,
  DsptListImportResult,
  DsptListRun,
  DsptListRuns,
} from '@dspt/contracts';
import {
  AppConfigService,
  SpreadsheetReader,
  type UploadedSpreadsheet,
  type UploadOutcome,
} from '@dspt/server/platform';
import { ImportProgressStore } from '@dspt/server/caseload';
import { requireSignedInUser, ScopedDatabase } from '@dspt/server/data';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DSPT_LIST_SHEET_SPEC, DsptListImporter, mappingOf } from './dspt-list-importer';

/** Files with more rows are imported in the background (202 and a progress link). */
export const DSPT_LIST_SYNC_LIMIT = 5_000;
/** Progress of list imports is kept under this key in place of an LSP's id: the list belongs to no LSP. */
const PROGRAMME_KEY = 'dspt-list';

export type DsptListOutcome = UploadOutcome<DsptListImportResult, DsptListImportAccepted>;

interface RunRow {
  id: string;
  source: DsptListRun['source'];
  file_name: string;
  created_at: Date;
  listed_at: Date | null;
  rows: number;
  matched: number;
  unmatched: number;
  publications_recorded: number;
  discrepancies: number;
  entries_changed: number;
  unknown_statuses: DsptListRun['unknownStatuses'];
  mapping: DsptListRun['mapping'];
  error: string | null;
}

/** A system admin's uploads of the DSPT status list, and the record of every import and scheduled fetch. */
@Injectable()
export class DsptListImportsService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(DsptListImportsService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly importer: DsptListImporter,
    private readonly spreadsheets: SpreadsheetReader,
    private readonly progress: ImportProgressStore,
    private readonly database: ScopedDatabase,
    private readonly config: AppConfigService,
  ) {}

  /** `listDate` (YYYY-MM-DD or an ISO time) says when the list was produced; the time of import otherwise. */
  async start(file: UploadedSpreadsheet | undefined, listDate: string | undefined): Promise<DsptListOutcome> {
    const listedAt = this.listedAt(listDate);
    const rows = await this.spreadsheets.read(file, DSPT_LIST_SHEET_SPEC);
    mappingOf(rows);
    const job = {
      buffer: file?.buffer ?? Buffer.alloc(0),
      fileName: file?.originalname ?? '',
      rows,
      listedAt,
      source: 'upload' as const,
      actorUserId: requireSignedInUser().id,
    };
    if (rows.length <= DSPT_LIST_SYNC_LIMIT) {
      return { done: await this.importer.run(job) };
    }
    const importId = randomUUID();
    const initial: DsptListImportProgress = { importId, status: 'importing', processed: 0, total: rows.length };
    await this.progress.save(PROGRAMME_KEY, initial);
    const run = this.importer
      .run(job, (processed) => void this.progress.save(PROGRAMME_KEY, { ...initial, processed }).catch(() => undefined))
      .then((result) =>
        this.progress.save(PROGRAMME_KEY, { ...initial, status: 'done', processed: rows.length, result }),
      )
      .catch((error: unknown) =>
        this.progress.save(PROGRAMME_KEY, { ...initial, status: 'failed', ...this.failure(error) }),
      )
      .finally(() => this.running.delete(run));
    this.running.add(run);
    return {
      accepted: { ...initial, statusUrl: `/api/dspt-status/imports/${importId}` },
    };
  }

  async status(importId: string): Promise<DsptListImportProgress> {
    const progress = await this.progress.get<DsptListImportProgress>(PROGRAMME_KEY, importId);
    if (!progress) {
      throw new NotFound('No DSPT status list import with this id (progress is kept for a day)');
    }
    return progress;
  }

  runs(): Promise<DsptListRuns> {
    return this.database.outsideTenants(async (manager) => {
      const rows: RunRow[] = await manager.query(`SELECT * FROM dspt_list_imports ORDER BY created_at DESC LIMIT 20`);
      const [{ entries }]: Array<{ entries: number }> = await manager.query(
        `SELECT count(*)::int AS entries FROM dspt_list_entries`,
      );
      const url = this.config.get('DSPT_LIST_URL') ?? null;
      return {
        scheduled: {
          enabled: url !== null,
          url: url === null ? null : new URL(url).origin,
          cron: this.config.get('DSPT_LIST_FETCH_CRON'),
        },
        entries,
        items: rows.map((row) => ({
          id: row.id,
          source: row.source,
          fileName: row.file_name,
          at: row.created_at.toISOString(),
          listedAt: row.listed_at?.toISOString() ?? null,
          rows: row.rows,
          matched: row.matched,
          unmatched: row.unmatched,
          publicationsRecorded: row.publications_recorded,
          discrepancies: row.discrepancies,
          entriesChanged: row.entries_changed,
          unknownStatuses: row.unknown_statuses,
          mapping: row.mapping,
          error: row.error,
        })),
      };
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private listedAt(listDate: string | undefined): Date | null {
    if (listDate === undefined || listDate.trim() === '') {
      return null;
    }
    const value = /^\d{4}-\d{2}-\d{2}$/.test(listDate) ? `${listDate}T00:00:00Z` : listDate;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(listDate)) {
      throw invalidField('listDate', 'listDate must be a date (YYYY-MM-DD) or an ISO date and time');
    }
    if (parsed.getTime() > Date.now() + 60_000) {
      throw invalidField('listDate', 'listDate must not be in the future');
    }
    return parsed;
  }

  private failure(error: unknown): Pick<DsptListImportProgress, 'message' | 'errors'> {
    if (error instanceof Refusal) {
      return { message: error.message, errors: [...error.details] };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: error }, `DSPT status list import failed unexpectedly ${errorId}`);
    return {
      message: `Something went wrong on our side: nothing was imported. Quote error id ${errorId} if you contact support.`,
    };
  }
}
