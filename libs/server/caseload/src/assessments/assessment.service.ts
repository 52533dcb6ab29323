import type {
  AssessmentQuestionView,
  AssessmentView,
  BlockerList,
  QuestionProgressResult,
  QuestionProgressUpdate,
} from '@dspt/contracts';
import { assessmentProgress, isMandatoryForStandardsMet, publishBlockers, NotFound } from '@dspt/domain';
import { type AssessmentCycleEntity, QuestionEntity, UserEntity, ScopedDatabase } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { AssessmentRecalculator } from './assessment-recalculator';
import { type AssessmentState, loadAssessmentState, lockAssessment } from './assessment-state';
import { CyclesService } from './cycles.service';
import { findProviderOrFail } from '../providers/provider-lookup';
import { QuestionProgressWriter } from './question-progress-writer';

/** One provider's assessment for a cycle: the questions with their progress, updates, and the blockers. */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly cycles: CyclesService,
    private readonly writer: QuestionProgressWriter,
    private readonly recalculator: AssessmentRecalculator,
  ) {}

  view(providerId: string, cycleCode?: string): Promise<AssessmentView> {
    return this.database.inCurrentTenant(async (manager) => {
      const { cycle, state } = await this.open(manager, providerId, cycleCode);
      return assessmentView(manager, cycle, state);
    });
  }

  blockers(providerId: string, cycleCode?: string): Promise<BlockerList> {
    return this.database.inCurrentTenant(async (manager) => {
      const { cycle, state } = await this.open(manager, providerId, cycleCode);
      return blockerList(cycle, state);
    });
  }

  /** The current cycle's assessment and blockers from one read of it, in the caller's transaction (the provider page). */
  async viewWithBlockersIn(
    manager: EntityManager,
    providerId: string,
  ): Promise<{ assessment: AssessmentView; blockers: BlockerList }> {
    const { cycle, state } = await this.open(manager, providerId);
    return { assessment: await assessmentView(manager, cycle, state), blockers: blockerList(cycle, state) };
  }

  updateQuestion(
    providerId: string,
    code: string,
    cycleCode: string | undefined,
    update: QuestionProgressUpdate,
  ): Promise<QuestionProgressResult> {
    return this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, providerId);
      const cycle = await this.cycles.resolve(manager, cycleCode);
      const question = await manager.findOneBy(QuestionEntity, { cycleId: cycle.id, code });
      if (!question) {
        throw new NotFound(`There is no question ${code} in cycle ${cycle.code}`);
      }
      const assessmentId = await lockAssessment(manager, provider, cycle.id);
      await this.writer.write(manager, {
        provider,
        cycle,
        assessmentId,
        question,
        status: update.status,
        comment: update.comment,
      });
      const assessment = await this.recalculator.recalculate(manager, provider.id, cycle.id);
      const state = await loadAssessmentState(manager, provider, cycle.id);
      return {
        question: questionView(question, state, await displayNames(manager, state)),
        progress: { completed: assessment.mandatoryCompleted, total: assessment.mandatoryTotal },
        status: assessment.status,
      };
    });
  }

  /** The provider first (404 for an unknown or another LSP's id), then the cycle (404 when not loaded). */
  private async open(
    manager: EntityManager,
    providerId: string,
    cycleCode?: string,
  ): Promise<{ cycle: AssessmentCycleEntity; state: AssessmentState }> {
    const provider = await findProviderOrFail(manager, providerId);
    const cycle = await this.cycles.resolve(manager, cycleCode);
    return { cycle, state: await loadAssessmentState(manager, provider, cycle.id) };
  }
}

async function assessmentView(
  manager: EntityManager,
  cycle: AssessmentCycleEntity,
  state: AssessmentState,
): Promise<AssessmentView> {
  const names = await displayNames(manager, state);
  return {
    cycle: cycle.code,
    deadline: cycle.deadline,
    progress: assessmentProgress(state.input),
    questions: state.questions.map((question) => questionView(question, state, names)),
  };
}

function blockerList(cycle: AssessmentCycleEntity, state: AssessmentState): BlockerList {
  return { cycle: cycle.code, items: publishBlockers(state.input) };
}

async function displayNames(manager: EntityManager, state: AssessmentState): Promise<Map<string, string>> {
  const ids = [...new Set([...state.progress.values()].flatMap((row) => (row.updatedBy ? [row.updatedBy] : [])))];
  const users =
    ids.length > 0
      ? await manager.find(UserEntity, { where: { id: In(ids) }, select: { id: true, displayName: true } })
      : [];
  return new Map(users.map((user) => [user.id, user.displayName]));
}

function questionView(
  question: QuestionEntity,
  state: AssessmentState,
  names: Map<string, string>,
): AssessmentQuestionView {
  const row = state.progress.get(question.id);
  return {
    code: question.code,
    section: question.section,
    title: question.title,
    level: question.level,
    mandatory: isMandatoryForStandardsMet(question.level),
    cePlusSkippable: question.cePlusSkippable,
    metByCePlus: state.input.hasCePlus && question.cePlusSkippable,
    status: row?.status ?? 'not_started',
    comment: row?.comment ?? null,
    updatedBy: row?.updatedBy ? (names.get(row.updatedBy) ?? null) : null,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}
