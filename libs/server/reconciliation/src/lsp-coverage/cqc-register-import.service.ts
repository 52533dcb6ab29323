import type { CqcRegisterImportProgress, CqcRegisterImportResult, CqcRegisterSummary } from '@dspt/contracts';
import {
  CQC_REGISTER_COLUMNS,
  CQC_REGISTER_HEADER_NAMES,
  CQC_REGISTER_MAX_PROBLEMS,
  CQC_REGISTER_MAX_ROWS,
  CQC_REGISTER_REQUIRED_FIELDS,
  readCqcRegister,
  InvalidInput,
  NotFound,
  Refusal,
} from '@dspt/domain';
import { AuditService, replaceCqcLocations, requireSignedInUser, ScopedDatabase } from '@dspt/server/data';
import { ImportProgressStore } from '@dspt/server/caseload';
import { type SheetSpec, SpreadsheetReader, type UploadedSpreadsheet, type UploadOutcome } from '@dspt/server/platform';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

const MB = 1024 * 1024;

/** CQC's register as published is about 15 MB as ODS and wider still as CSV: larger bounds than other uploads. */
export const CQC_REGISTER_MAX_BYTES = 64 * MB;

export const CQC_REGISTER_SPEC: SheetSpec = {
  columns: Object.keys(CQC_REGISTER_COLUMNS),
  required: CQC_REGISTER_REQUIRED_FIELDS,
  maxRows: CQC_REGISTER_MAX_ROWS,
  aliases: CQC_REGISTER_HEADER_NAMES,
  otherColumns: 'skip',
  maxBytes: CQC_REGISTER_MAX_BYTES,
  maxUncompressedBytes: 1024 * MB,
};

/** Files of up to this many rows are imported while the request waits (201); larger ones answer 202. */
export const CQC_REGISTER_SYNC_LIMIT = 2_000;

/** Progress of register imports is kept under this scope, not an LSP's: the register belongs to none. */
const PROGRESS_SCOPE = 'cqc-register';

type Reporter = (status: 'validating' | 'importing', processed: number) => void;

/**
 * Imports the CQC register (system admins): reads the file in the spreadsheet worker, keeps adult social
 * care locations by the domain rule, and replaces the register in one transaction, all or nothing. Large
 * files answer 202 at once and report progress, as provider imports do.
 */
@Injectable()
export class CqcRegisterImportService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(CqcRegisterImportService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly spreadsheets: SpreadsheetReader,
    private readonly database: ScopedDatabase,
    private readonly progress: ImportProgressStore,
    private readonly audit: AuditService,
  ) {}

  async start(
    file: UploadedSpreadsheet | undefined,
  ): Promise<UploadOutcome<CqcRegisterImportResult, CqcRegisterImportProgress>> {
    const started = Date.now();
    const rows = await this.spreadsheets.read(file, CQC_REGISTER_SPEC);
    const actorUserId = requireSignedInUser().id;
    const fileName = file?.originalname ?? '';
    this.logger.log(`CQC register ${fileName}: ${rows.length} rows read in ${Date.now() - started} ms`);
    const run = (report?: Reporter) => this.run(rows, { actorUserId, fileName }, report);
    if (rows.length <= CQC_REGISTER_SYNC_LIMIT) {
      return { done: await run() };
    }
    const importId = randomUUID();
    const initial: CqcRegisterImportProgress = {
      importId,
      status: 'validating',
      processed: 0,
      total: rows.length,
      statusUrl: `/api/cqc-register/imports/${importId}`,
    };
    await this.progress.save(PROGRESS_SCOPE, initial);
    let last = initial;
    let saved = Promise.resolve();
    const save = (next: CqcRegisterImportProgress) => {
      last = next;
      saved = saved
        .then(() => this.progress.save(PROGRESS_SCOPE, next))
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not save import progress'));
      return saved;
    };
    const background = run((status, processed) => void save({ ...initial, status, processed }))
      .then((result) => save({ ...initial, status: 'done', processed: rows.length, result }))
      .catch((error: unknown) => save({ ...last, status: 'failed', ...this.failure(error) }))
      .then(() => this.logger.log(`CQC register ${fileName}: finished in ${Date.now() - started} ms`))
      .finally(() => this.running.delete(background));
    this.running.add(background);
    return { accepted: initial };
  }

  async status(importId: string): Promise<CqcRegisterImportProgress> {
    const progress = await this.progress.get<CqcRegisterImportProgress>(PROGRESS_SCOPE, importId);
    if (!progress) {
      throw new NotFound('No register import with this id (progress is kept for a day)');
    }
    return progress;
  }

  summary(): Promise<CqcRegisterSummary> {
    return this.database.outsideTenants(async (manager) => {
      const [row]: Array<{ locations: number; updated_at: Date | null; las: string[] | null }> = await manager.query(
        `SELECT count(*)::int AS locations, max(updated_at) AS updated_at,
                array_agg(DISTINCT local_authority ORDER BY local_authority) AS las
         FROM cqc_locations`,
      );
      return {
        locations: row.locations,
        localAuthorities: row.las ?? [],
        updatedAt: row.updated_at ? row.updated_at.toISOString() : null,
      };
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async run(
    rows: Parameters<typeof readCqcRegister>[0],
    source: { actorUserId: string; fileName: string },
    report: Reporter = () => undefined,
  ): Promise<CqcRegisterImportResult> {
    report('validating', 0);
    const reading = readCqcRegister(rows);
    if (reading.problems.length > 0) {
      const count = reading.problems.length;
      throw new InvalidInput(
        `${count} problem${count === 1 ? '' : 's'} in the file: nothing was imported`,
        reading.problems.slice(0, CQC_REGISTER_MAX_PROBLEMS),
      );
    }
    report('importing', 0);
    const locations = await this.database.outsideTenants(async (manager) => {
      const count = await replaceCqcLocations(manager, reading.kept, (written) => report('importing', written));
      await this.audit.record(
        {
          action: 'import.cqc_register',
          tenantId: null,
          actorUserId: source.actorUserId,
          after: { fileName: source.fileName, rows: reading.rows, kept: reading.kept.length, locations: count },
        },
        manager,
      );
      return count;
    });
    return { rows: reading.rows, kept: reading.kept.length, locations };
  }

  private failure(error: unknown): Pick<CqcRegisterImportProgress, 'message' | 'errors'> {
    if (error instanceof Refusal) {
      return { message: error.message, errors: [...error.details] };
    }
    const errorId = randomUUID();
    this.logger.error({ errorId, err: error }, `CQC register import failed unexpectedly ${errorId}`);
    const message = `Something went wrong on our side: nothing was imported. Quote error id ${errorId} if you contact support.`;
    return { message, errors: [{ field: 'file', message }] };
  }
}
