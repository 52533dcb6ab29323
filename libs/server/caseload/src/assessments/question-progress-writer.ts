import type { QuestionStatus } from '@dspt/domain';
import {
  AuditService,
  type AssessmentCycleEntity,
  type ProviderEntity,
  type QuestionEntity,
  QuestionProgressEntity,
  requireSignedInUser,
} from '@dspt/server/data';
import { Clock } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface QuestionProgressChange {
  provider: ProviderEntity;
  cycle: AssessmentCycleEntity;
  /** From lockAssessment: the caller holds the assessment's lock. */
  assessmentId: string;
  question: QuestionEntity;
  status: QuestionStatus;
  /** Undefined keeps the current comment; null or blank clears it. */
  comment?: string | null;
}

/**
 * Writes one question's status and comment with who and when, and audits the change (before and after).
 * Saving what is already there changes nothing and records nothing (answers false). The caller
 * recalculates afterwards.
 */
@Injectable()
export class QuestionProgressWriter {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async write(manager: EntityManager, change: QuestionProgressChange): Promise<boolean> {
    const current = await manager.findOneBy(QuestionProgressEntity, {
      assessmentId: change.assessmentId,
      questionId: change.question.id,
    });
    const before = { status: current?.status ?? 'not_started', comment: current?.comment ?? null };
    const after = {
      status: change.status,
      comment: change.comment === undefined ? before.comment : change.comment?.trim() || null,
    };
    if (current && before.status === after.status && before.comment === after.comment) {
      return false;
    }
    await manager.upsert(
      QuestionProgressEntity,
      {
        assessmentId: change.assessmentId,
        questionId: change.question.id,
        tenantId: change.provider.tenantId,
        ...after,
        updatedBy: requireSignedInUser().id,
        updatedAt: this.clock.now(),
      },
      ['assessmentId', 'questionId'],
    );
    const where = { cycle: change.cycle.code, code: change.question.code };
    await this.audit.record(
      {
        action: 'progress.updated',
        tenantId: change.provider.tenantId,
        target: { type: 'provider', id: change.provider.id },
        before: { ...where, ...before },
        after: { ...where, ...after },
      },
      manager,
    );
    return true;
  }
}
