import { currentCycleCode } from '@dspt/domain';
import type { EntityManager } from 'typeorm';
import { AssessmentCycleEntity } from './entities/assessment-cycle.entity';

/** The current cycle's code by the one rule (@dspt/domain currentCycleCode), in any transaction. */
export async function loadCurrentCycleCode(manager: EntityManager, today: string): Promise<string> {
  const chosen = await manager.find(AssessmentCycleEntity, {
    select: { code: true, isCurrent: true },
    where: { isCurrent: true },
  });
  return currentCycleCode(chosen, today);
}

/** The current cycle, or null before it has been loaded. */
export async function findCurrentCycle(manager: EntityManager, today: string): Promise<AssessmentCycleEntity | null> {
  return manager.findOneBy(AssessmentCycleEntity, { code: await loadCurrentCycleCode(manager, today) });
}
