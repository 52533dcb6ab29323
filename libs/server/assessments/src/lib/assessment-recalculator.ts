import {
  type AssessmentQuestion,
  assessmentProgress,
  providerStatus,
  type PublicationLevel,
  type QuestionStatus,
} from '@dspt/domain';
import { AssessmentEntity, ProviderEntity, PublicationEntity, QuestionEntity, QuestionProgressEntity } from '@dspt/server/database';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * Keeps `assessments` (counts and derived status per provider and cycle) true to the progress rows,
 * publications and the provider's CE+ flag. Call it in the transaction that changed any of them.
 */
@Injectable()
export class AssessmentRecalculator {
  async recalculate(manager: EntityManager, providerId: string, cycleId: string): Promise<AssessmentEntity> {
    const provider = await manager.findOneByOrFail(ProviderEntity, { id: providerId });
    const questions = await manager.find(QuestionEntity, { where: { cycleId }, order: { position: 'ASC' } });
    let assessment = await manager.findOneBy(AssessmentEntity, { providerId, cycleId });
    const progressRows = assessment ? await manager.findBy(QuestionProgressEntity, { assessmentId: assessment.id }) : [];
    const statusByQuestionId = new Map(progressRows.map((row) => [row.questionId, row.status]));
    const statuses = new Map<string, QuestionStatus>(
      questions.flatMap((question) => {
        const status = statusByQuestionId.get(question.id);
        return status ? [[question.code, status] as const] : [];
      }),
    );
    const published: Array<{ level: PublicationLevel }> = await manager.find(PublicationEntity, {
      where: { providerId, cycleId },
      select: { level: true },
    });
    const progress = assessmentProgress({ questions: questions as AssessmentQuestion[], statuses, hasCePlus: provider.hasCePlus });
    const values = {
      mandatoryCompleted: progress.completed,
      mandatoryTotal: progress.total,
      anyProgress: progressRows.some((row) => row.status !== 'not_started'),
      status: providerStatus({
        publishedLevels: published.map((row) => row.level),
        progress,
        anyProgress: progressRows.some((row) => row.status !== 'not_started'),
      }),
    };
    if (assessment) {
      await manager.update(AssessmentEntity, { id: assessment.id }, values);
      return { ...assessment, ...values };
    }
    assessment = manager.create(AssessmentEntity, { tenantId: provider.tenantId, providerId, cycleId, ...values });
    return manager.save(assessment);
  }
}
