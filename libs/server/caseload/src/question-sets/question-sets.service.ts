import type { CycleSummary, QuestionSetImportResult } from '@dspt/contracts';
import {
  currentCycleCode,
  cycleDeadlineProblem,
  cycleFromCode,
  parseQuestionSetRows,
  QUESTION_SET_COLUMNS,
  questionSetChanges,
  Conflict,
  InvalidInput,
  NotFound,
} from '@dspt/domain';
import { AuditService, AssessmentCycleEntity, QuestionEntity, ScopedDatabase } from '@dspt/server/data';
import { Clock, rowProblemsException, SpreadsheetReader, type UploadedSpreadsheet } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
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
  is_current: boolean;
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
    private readonly spreadsheets: SpreadsheetReader,
    private readonly clock: Clock,
  ) {}

  list(): Promise<CycleSummary[]> {
    return this.database.outsideTenants(async (manager) => {
      const rows: CycleRow[] = await manager.query(
        `SELECT c.code, to_char(c.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(c.deadline, 'YYYY-MM-DD') AS deadline,
                count(q.id)::int AS questions, (count(q.id) FILTER (WHERE q.level <> 'none'))::int AS mandatory,
                cycle_in_use(c.id) AS in_use, c.is_current
         FROM assessment_cycles c LEFT JOIN questions q ON q.cycle_id = c.id
         GROUP BY c.id ORDER BY c.deadline DESC`,
      );
      const current = currentCycleCode(
        rows.map((row) => ({ code: row.code, isCurrent: row.is_current })),
        this.clock.today(),
      );
      return rows.map((row) => ({
        code: row.code,
        startsOn: row.starts_on,
        deadline: row.deadline,
        questions: row.questions,
        mandatory: row.mandatory,
        inUse: row.in_use,
        current: row.code === current,
        chosenAsCurrent: row.is_current,
      }));
    });
  }

  async create(code: string, deadline?: string): Promise<CycleSummary> {
    let dates;
    try {
      dates = cycleFromCode(code);
    } catch (error) {
      throw new InvalidInput((error as Error).message, [{ field: 'code', message: (error as Error).message }]);
    }
    if (deadline !== undefined) {
      assertDeadline(dates, deadline);
      dates = { ...dates, deadline };
    }
    await this.database.outsideTenants(async (manager) => {
      if (await manager.existsBy(AssessmentCycleEntity, { code })) {
        throw new Conflict(`Cycle ${code} already exists`);
      }
      await manager.insert(AssessmentCycleEntity, { ...dates, reminderOffsetsDays: [90, 30, 7] });
      await this.audit.record(
        { action: 'cycle.created', tenantId: null, target: { type: 'cycle', id: code }, after: dates },
        manager,
      );
    });
    const summary = (await this.list()).find((cycle) => cycle.code === code);
    return summary ?? { ...dates, questions: 0, mandatory: 0, inUse: false, current: false, chosenAsCurrent: false };
  }

  /**
   * Makes `code` the current cycle whatever the date, or (null) lets the date decide again. The table
   * is locked first, so two admins choosing at once are taken one after the other.
   */
  async chooseCurrent(code: string | null): Promise<CycleSummary[]> {
    await this.database.outsideTenants(async (manager) => {
      await manager.query(`LOCK TABLE assessment_cycles IN SHARE ROW EXCLUSIVE MODE`);
      const before = await manager.findOneBy(AssessmentCycleEntity, { isCurrent: true });
      if (code !== null && !(await manager.existsBy(AssessmentCycleEntity, { code }))) {
        throw new NotFound(`No cycle ${code}: create it first`);
      }
      if ((before?.code ?? null) === code) {
        return;
      }
      await manager.update(AssessmentCycleEntity, { isCurrent: true }, { isCurrent: false });
      if (code !== null) {
        await manager.update(AssessmentCycleEntity, { code }, { isCurrent: true });
      }
      await this.audit.record(
        {
          action: 'cycle.current_chosen',
          tenantId: null,
          target: { type: 'cycle', id: code ?? before?.code ?? 'none' },
          before: { chosen: before?.code ?? null },
          after: { chosen: code },
        },
        manager,
      );
    });
    return this.list();
  }

  /** Moves a cycle's deadline; the database bumps its revision, so caseloads re-rank. */
  async changeDeadline(code: string, deadline: string): Promise<CycleSummary> {
    await this.database.outsideTenants(async (manager) => {
      const cycle = await this.lockCycle(manager, code);
      assertDeadline(cycle, deadline);
      if (cycle.deadline === deadline) {
        return;
      }
      await manager.update(AssessmentCycleEntity, { id: cycle.id }, { deadline });
      await this.audit.record(
        {
          action: 'cycle.deadline_changed',
          tenantId: null,
          target: { type: 'cycle', id: code },
          before: { deadline: cycle.deadline },
          after: { deadline },
        },
        manager,
      );
    });
    const summary = (await this.list()).find((cycle) => cycle.code === code);
    if (!summary) {
      throw new NotFound(`No cycle ${code}: create it first`);
    }
    return summary;
  }

  /** Replaces the cycle's question set with the file's rows, all or nothing. */
  async importQuestionSet(
    code: string,
    file: UploadedSpreadsheet | undefined,
    dryRun = false,
  ): Promise<QuestionSetImportResult> {
    const rows = await this.spreadsheets.read(file, {
      columns: QUESTION_SET_COLUMNS,
      required: ['code', 'section', 'title', 'level'],
      maxRows: MAX_QUESTIONS,
    });
    const parsed = parseQuestionSetRows(rows);
    if ('problems' in parsed) {
      throw rowProblemsException(parsed.problems);
    }
    return this.database.outsideTenants(async (manager) => {
      const cycle = await this.lockCycle(manager, code);
      const [{ in_use: inUse }] = await manager.query(`SELECT cycle_in_use($1) AS in_use`, [cycle.id]);
      if (inUse) {
        throw new Conflict(`LSPs have started assessments in ${code}, so its question set can no longer be replaced`);
      }
      const current = await manager.find(QuestionEntity, { where: { cycleId: cycle.id }, order: { position: 'ASC' } });
      const replaced = current.length;
      const changes = questionSetChanges(current, parsed.questions);
      const mandatoryInFile = parsed.questions.filter((question) => question.level !== 'none').length;
      if (dryRun) {
        return {
          cycle: code,
          questions: parsed.questions.length,
          mandatory: mandatoryInFile,
          replaced,
          dryRun: true,
          changes,
        };
      }
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
      return { cycle: code, questions: parsed.questions.length, mandatory, replaced, changes };
    });
  }

  private async lockCycle(manager: EntityManager, code: string): Promise<AssessmentCycleEntity> {
    const cycle = await manager.findOne(AssessmentCycleEntity, {
      where: { code },
      lock: { mode: 'pessimistic_write' },
    });
    if (!cycle) {
      throw new NotFound(`No cycle ${code}: create it first`);
    }
    return cycle;
  }
}

/** A 400 naming the deadline field when `deadline` cannot end the cycle. */
function assertDeadline(cycle: { code: string; startsOn: string }, deadline: string): void {
  const problem = cycleDeadlineProblem(cycle, deadline);
  if (problem) {
    throw new InvalidInput(problem, [{ field: 'deadline', message: problem }]);
  }
}
