import { currentCycleCode, cycleForDate, cycleNotLoaded } from '@dspt/domain';
import type { EntityManager } from 'typeorm';
import { AssessmentCycleEntity } from './entities/assessment-cycle.entity';

/**
 * The current cycle's code, and the cycle when it is loaded (null before), in one query: the rule picks
 * from the chosen cycles and the one today falls in, so those are all it needs to read.
 */
export async function loadCurrentCycle(
  manager: EntityManager,
  today: string,
): Promise<{ code: string; cycle: AssessmentCycleEntity | null }> {
  const candidates = await manager.find(AssessmentCycleEntity, {
    where: [{ isCurrent: true }, { code: cycleForDate(today).code }],
  });
  const code = currentCycleCode(candidates, today);
  return { code, cycle: candidates.find((candidate) => candidate.code === code) ?? null };
}

/** The cycle named by `code`, or the current one when no code is given: its code, and the cycle when loaded. */
async function loadCycle(
  manager: EntityManager,
  code: string | undefined,
  today: string,
): Promise<{ code: string; cycle: AssessmentCycleEntity | null }> {
  return code
    ? { code, cycle: await manager.findOneBy(AssessmentCycleEntity, { code }) }
    : loadCurrentCycle(manager, today);
}

/** The cycle named by `code`, or the current one when no code is given; 404 when it has not been loaded. */
export async function findCycleOrFail(
  manager: EntityManager,
  code: string | undefined,
  today: string,
): Promise<AssessmentCycleEntity> {
  const { code: wanted, cycle } = await loadCycle(manager, code, today);
  if (!cycle) {
    throw cycleNotLoaded(code, wanted);
  }
  return cycle;
}

/** The current cycle, or null before it has been loaded. */
export async function findCurrentCycle(manager: EntityManager, today: string): Promise<AssessmentCycleEntity | null> {
  return (await loadCurrentCycle(manager, today)).cycle;
}
