import type { ProgressImportResult } from '@dspt/contracts';
import { parseProgressImportRows, PROGRESS_IMPORT_COLUMNS } from '@dspt/domain';
import { AuditService, QuestionEntity, ScopedDatabase } from '@dspt/server/data';
import { rowProblemsException, SpreadsheetReader, type UploadedSpreadsheet } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import { AssessmentRecalculator } from './assessment-recalculator';
import { lockAssessment } from './assessment-state';
import { CyclesService } from './cycles.service';
import { findProviderOrFail } from '../providers/provider-lookup';
import { QuestionProgressWriter } from './question-progress-writer';

/** A question set has a few dozen items; a thousand rows is certainly a wrong file. */
const MAX_ROWS = 1_000;

/**
 * One provider's question statuses for a cycle from a spreadsheet (code, status, comment), all or
 * nothing: each row goes through the same writer as a single save (who, when, audited), then the
 * assessment is recalculated once, in the same transaction.
 */
@Injectable()
export class ProgressImportService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly cycles: CyclesService,
    private readonly writer: QuestionProgressWriter,
    private readonly recalculator: AssessmentRecalculator,
    private readonly audit: AuditService,
    private readonly spreadsheets: SpreadsheetReader,
  ) {}

  /**
   * The provider first (404 for an unknown or another LSP's id), then the cycle, then the file. The file
   * is read between two transactions, so no database connection is held while it waits for and takes
   * its turn in the spreadsheet reader.
   */
  async import(
    providerId: string,
    cycleCode: string | undefined,
    file: UploadedSpreadsheet | undefined,
  ): Promise<ProgressImportResult> {
    await this.database.inCurrentTenant(async (manager) => {
      await findProviderOrFail(manager, providerId);
      await this.cycles.resolve(manager, cycleCode);
    });
    const rows = await this.spreadsheets.read(file, {
      columns: PROGRESS_IMPORT_COLUMNS,
      required: ['code', 'status'],
      maxRows: MAX_ROWS,
    });
    return this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, providerId);
      const cycle = await this.cycles.resolve(manager, cycleCode);
      const questions = new Map(
        (await manager.findBy(QuestionEntity, { cycleId: cycle.id })).map((question) => [question.code, question]),
      );
      const parsed = parseProgressImportRows(rows, { code: cycle.code, questionCodes: new Set(questions.keys()) });
      if ('problems' in parsed) {
        throw rowProblemsException(parsed.problems);
      }
      const assessmentId = await lockAssessment(manager, provider, cycle.id);
      let changed = 0;
      for (const update of parsed.updates) {
        const question = questions.get(update.code);
        if (
          question &&
          (await this.writer.write(manager, {
            provider,
            cycle,
            assessmentId,
            question,
            status: update.status,
            comment: update.comment,
          }))
        ) {
          changed++;
        }
      }
      const assessment = await this.recalculator.recalculate(manager, provider.id, cycle.id);
      await this.audit.record(
        {
          action: 'import.progress',
          tenantId: provider.tenantId,
          target: { type: 'provider', id: provider.id },
          after: { cycle: cycle.code, rows: rows.length, changed, file: file?.originalname ?? null },
        },
        manager,
      );
      return {
        cycle: cycle.code,
        rows: rows.length,
        changed,
        progress: { completed: assessment.mandatoryCompleted, total: assessment.mandatoryTotal },
        status: assessment.status,
      };
    });
  }
}
