import type { ImportAccepted, ImportProgress, ProviderImportResult } from '@dspt/contracts';
import {
  CASELOAD_EXPORT_EXTRA_COLUMNS,
  PROVIDER_IMPORT_MAX_ROWS,
  PROVIDER_IMPORT_SYNC_LIMIT,
  PROVIDER_SHEET_COLUMNS,
  PROVIDER_SHEET_REQUIRED_COLUMNS,
  NotFound,
  Refusal,
} from '@dspt/domain';
import { type SheetSpec, SpreadsheetReader, type UploadedSpreadsheet, type UploadOutcome } from '@dspt/server/platform';
import { requireSignedInUser, requireTenantContext } from '@dspt/server/data';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ImportProgressStore } from './import-progress.store';
import { type ImportReporter, ProviderImporter, type ProviderImportJob } from './provider-importer';

/** The import columns; the export's extra columns are accepted and ignored, so an export imports as it is. */
export const PROVIDER_SHEET_SPEC: SheetSpec = {
  columns: [...PROVIDER_SHEET_COLUMNS, ...CASELOAD_EXPORT_EXTRA_COLUMNS],
  required: PROVIDER_SHEET_REQUIRED_COLUMNS,
  maxRows: PROVIDER_IMPORT_MAX_ROWS,
};

export type ImportOutcome = UploadOutcome<ProviderImportResult, ImportAccepted>;

/** What a failed background import reports: the refusal's message and rows, or a support reference. */
function failure(error: unknown, logger: Logger): Pick<ImportProgress, 'message' | 'errors'> {
  if (error instanceof Refusal) {
    return { message: error.message, errors: [...error.details] };
  }
  const errorId = randomUUID();
  logger.error({ errorId, err: error }, `Provider import failed unexpectedly ${errorId}`);
  const message = `Something went wrong on our side: nothing was imported. Quote error id ${errorId} if you contact support.`;
  return { message, errors: [{ field: 'file', message }] };
}

/**
 * Provider imports for the current LSP. Files of up to 1,000 rows are imported while the request waits;
 * larger ones answer at once with an import id and run in this api process in the background (still one
 * transaction, all or nothing), reporting progress through ImportProgressStore. Shutdown waits for them.
 */
@Injectable()
export class ProviderImportService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ProviderImportService.name);
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly importer: ProviderImporter,
    private readonly progress: ImportProgressStore,
    private readonly spreadsheets: SpreadsheetReader,
  ) {}

  async start(file: UploadedSpreadsheet | undefined): Promise<ImportOutcome> {
    const rows = await this.spreadsheets.read(file, PROVIDER_SHEET_SPEC);
    const tenant = requireTenantContext();
    const job: ProviderImportJob = {
      tenantId: tenant.id,
      actorUserId: requireSignedInUser().id,
      fileName: file?.originalname ?? '',
      rows,
    };
    if (rows.length <= PROVIDER_IMPORT_SYNC_LIMIT) {
      return { done: await this.importer.run(job) };
    }
    const importId = randomUUID();
    const initial: ImportProgress = { importId, status: 'validating', processed: 0, total: rows.length };
    await this.progress.save(tenant.id, initial);
    const run = this.runInBackground(job, initial).finally(() => this.running.delete(run));
    this.running.add(run);
    return {
      accepted: {
        importId,
        status: initial.status,
        processed: 0,
        total: rows.length,
        statusUrl: `/api/tenants/${tenant.slug}/imports/${importId}`,
      },
    };
  }

  async status(importId: string): Promise<ImportProgress> {
    const progress = await this.progress.get(requireTenantContext().id, importId);
    if (!progress) {
      throw new NotFound('No import with this id in this LSP (progress is kept for a day)');
    }
    return progress;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async runInBackground(job: ProviderImportJob, initial: ImportProgress): Promise<void> {
    let last = initial;
    let saved = Promise.resolve();
    const save = (next: ImportProgress) => {
      last = next;
      // One write at a time, in order; a lost progress report must not fail the import.
      saved = saved
        .then(() => this.progress.save(job.tenantId, next))
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Could not save import progress'));
      return saved;
    };
    const report: ImportReporter = (status, processed) => {
      if (status !== last.status || processed !== last.processed) {
        void save({ ...initial, status, processed });
      }
    };
    try {
      const result = await this.importer.run(job, report);
      await save({ ...initial, status: 'done', processed: initial.total, result });
    } catch (error) {
      await save({ ...last, status: 'failed', ...failure(error, this.logger) });
    }
  }
}
