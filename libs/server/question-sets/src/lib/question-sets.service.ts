import type { CycleSummary, QuestionSetImportResult } from '@dspt/contracts';
import { cycleFromCode, parseQuestionSetRows, QUESTION_SET_COLUMNS } from '@dspt/domain';
import { AuditService } from '@dspt/server/audit';
import { AssessmentCycleEntity, QuestionEntity } from '@dspt/server/database';
import { InvalidInputException } from '@dspt/server/http';
import { readSpreadsheet, rowProblemsException, type UploadedSpreadsheet } from '@dspt/server/spreadsheets';
import { ScopedDatabase } from '@dspt/server/tenancy';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A question set has a few dozen items; a thousand rows is certainly a wrong file. */
const MAX_QUESTIONS = 1_000;

interface CycleRow {
  code: string;
  starts_on: string;
  deadline: string;
  questions: number;
  mandatory: number;
  in_use: boolean;
}

/**
 * Assessment cycles and their question sets: global data that a system admin creates and imports
 * (CSV or XLSX), never hard-coded. A cycle's set can be replaced until an LSP starts assessments in it.
 */
@Injectable()
export class QuestionSetsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<CycleSummary[]> {
    return this.database.outsideTenants(async (manager) => {
      const rows: CycleRow[] = await manager.query(
        `SELECT c.code, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.deadline, 'YYYY-MM-DD') AS deadline,
                count(q.id)::int AS questions, (count(q.id) FILTER (WHERE q.level <> 'none'))::int AS mandatory,
                cycle_in_use(c.id) AS in_use
         FROM assessment_cycles c LEFT JOIN questions q ON q.cycle_id = c.id
         GROUP BY c.id ORDER BY c.deadline DESC`,
      );
      return rows.map((row) => ({
        code: row.code,
        startsOn: row.starts_on,
        deadline: row.deadline,
        questions: row.questions,
        mandatory: row.mandatory,
        inUse: row.in_use,
      }));
    });
  }

  async create(code: string): Promise<CycleSummary> {
    let dates;
    try {
      dates = cycleFromCode(code);
    } catch (error) {
      throw new InvalidInputException((error as Error).message, [{ field: 'code', message: (error as Error).message }]);
    }
    await this.database.outsideTenants(async (manager) => {
      if (await manager.existsBy(AssessmentCycleEntity, { code })) {
        throw new ConflictException(`Cycle ${code} already exists`);
      }
      await manager.insert(AssessmentCycleEntity, { ...dates, reminderOffsetsDays: [90, 30, 7] });
      await this.audit.record({ action: 'cycle.created', tenantId: null, target: { type: 'cycle', id: code }, after: dates }, manager);
    });
    return { ...dates, questions: 0, mandatory: 0, inUse: false };
  }

  /** Replaces the cycle's question set with the file's rows, all or nothing. */
  async importQuestionSet(code: string, file: UploadedSpreadsheet | undefined): Promise<QuestionSetImportResult> {
    const rows = await readSpreadsheet(file, { columns: QUESTION_SET_COLUMNS, required: ['code', 'section', 'title', 'level'], maxRows: MAX_QUESTIONS });
    const parsed = parseQuestionSetRows(rows);
    if ('problems' in parsed) {
      throw rowProblemsException(parsed.problems);
    }
    return this.database.outsideTenants(async (manager) => {
      const cycle = await this.lockCycle(manager, code);
      const [{ in_use: inUse }] = await manager.query(`SELECT cycle_in_use($1) AS in_use`, [cycle.id]);
      if (inUse) {
        throw new ConflictException(`LSPs have started assessments in ${code}, so its question set can no longer be replaced`);
      }
      const replaced = await manager.countBy(QuestionEntity, { cycleId: cycle.id });
      await manager.delete(QuestionEntity, { cycleId: cycle.id });
      await manager.insert(
        QuestionEntity,
        parsed.questions.map((question, position) => ({ ...question, cycleId: cycle.id, position })),
      );
      const mandatory = parsed.questions.filter((question) => question.level !== 'none').length;
      await this.audit.record(
        {
          action: 'question_set.imported',
          tenantId: null,
          target: { type: 'cycle', id: code },
          before: { questions: replaced },
          after: { questions: parsed.questions.length, mandatory },
        },
        manager,
      );
      return { cycle: code, questions: parsed.questions.length, mandatory, replaced };
    });
  }

  private async lockCycle(manager: EntityManager, code: string): Promise<AssessmentCycleEntity> {
    const cycle = await manager.findOne(AssessmentCycleEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
    if (!cycle) {
      throw new NotFoundException(`No cycle ${code}: create it first`);
    }
    return cycle;
  }
}
