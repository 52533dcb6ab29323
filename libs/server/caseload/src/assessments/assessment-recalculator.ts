import { assessmentProgress, providerStatus } from '@dspt/domain';
import { AssessmentCycleEntity, AssessmentEntity, ProviderEntity, PublicationEntity } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import { type EntityManager, MoreThanOrEqual } from 'typeorm';
import { loadAssessmentState, lockAssessment } from './assessment-state';

/**
 * Keeps `assessments` (counts and derived status per provider and cycle) true to the progress rows,
 * publications and the provider's CE+ flag. Call it in the transaction that changed any of them.
 */
@Injectable()
export class AssessmentRecalculator {
  async recalculate(manager: EntityManager, providerId: string, cycleId: string): Promise<AssessmentEntity> {
    const provider = await manager.findOneByOrFail(ProviderEntity, { id: providerId });
    // Locked before reading, so a concurrent writer's counts are never overwritten with stale ones.
    const id = await lockAssessment(manager, provider, cycleId);
    const state = await loadAssessmentState(manager, provider, cycleId);
    const published = await manager.find(PublicationEntity, {
      where: { providerId, cycleId },
      select: { level: true },
    });
    const progress = assessmentProgress(state.input);
    const anyProgress = [...state.progress.values()].some((row) => row.status !== 'not_started');
    const values = {
      mandatoryCompleted: progress.completed,
      mandatoryTotal: progress.total,
      anyProgress,
      status: providerStatus({ publishedLevels: published.map((row) => row.level), progress, anyProgress }),
    };
    await manager.update(AssessmentEntity, { id }, values);
    return manager.findOneByOrFail(AssessmentEntity, { id });
  }

  /**
   * Progress counts CE+-skippable items as met, so a new provider or a changed CE+ flag recalculates the
   * provider's assessment in every cycle still open (deadline `today` or later). Past cycles stay as they were.
   */
  async recalculateOpenCycles(manager: EntityManager, providerId: string, today: string): Promise<void> {
    for (const cycle of await openCycles(manager, today)) {
      await this.recalculate(manager, providerId, cycle.id);
    }
  }
}

/** Cycles whose deadline is `today` (YYYY-MM-DD, Europe/London) or later. */
export function openCycles(manager: EntityManager, today: string): Promise<AssessmentCycleEntity[]> {
  return manager.findBy(AssessmentCycleEntity, { deadline: MoreThanOrEqual(today) });
}
