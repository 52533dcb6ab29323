import type { ProgressInput, QuestionStatus } from '@dspt/domain';
import { AssessmentEntity, type ProviderEntity, QuestionEntity, QuestionProgressEntity } from '@dspt/server/data';
import type { EntityManager } from 'typeorm';

/** What the DSPT rules in libs/domain need about one provider's assessment for one cycle, as loaded. */
export interface AssessmentState {
  provider: ProviderEntity;
  /** The cycle's question set in DSPT order. */
  questions: QuestionEntity[];
  /** Null until anything has been recorded for this provider and cycle. */
  assessment: AssessmentEntity | null;
  /** Progress rows by question id. */
  progress: Map<string, QuestionProgressEntity>;
  /** The input of assessmentProgress and publishBlockers. */
  input: ProgressInput;
}

export async function loadAssessmentState(
  manager: EntityManager,
  provider: ProviderEntity,
  cycleId: string,
): Promise<AssessmentState> {
  const questions = await manager.find(QuestionEntity, { where: { cycleId }, order: { position: 'ASC' } });
  const assessment = await manager.findOneBy(AssessmentEntity, { providerId: provider.id, cycleId });
  const rows = assessment ? await manager.findBy(QuestionProgressEntity, { assessmentId: assessment.id }) : [];
  const progress = new Map(rows.map((row) => [row.questionId, row]));
  const statuses = new Map<string, QuestionStatus>(
    questions.flatMap((question) => {
      const row = progress.get(question.id);
      return row ? [[question.code, row.status] as const] : [];
    }),
  );
  return { provider, questions, assessment, progress, input: { questions, statuses, hasCePlus: provider.hasCePlus } };
}

/**
 * The id of the provider's assessment row for the cycle, created if missing, locked until the transaction
 * ends. Writers of progress and publications take this lock first, so two of them never recalculate the
 * counts from each other's half-done work.
 */
export async function lockAssessment(
  manager: EntityManager,
  provider: ProviderEntity,
  cycleId: string,
): Promise<string> {
  await manager.query(
    `INSERT INTO assessments (tenant_id, provider_id, cycle_id) VALUES ($1, $2, $3) ON CONFLICT (provider_id, cycle_id) DO NOTHING`,
    [provider.tenantId, provider.id, cycleId],
  );
  const [row]: Array<{ id: string }> = await manager.query(
    `SELECT id FROM assessments WHERE provider_id = $1 AND cycle_id = $2 FOR UPDATE`,
    [provider.id, cycleId],
  );
  return row.id;
}
