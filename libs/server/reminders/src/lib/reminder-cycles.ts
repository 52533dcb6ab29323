import { DEFAULT_REMINDER_OFFSETS_DAYS } from '@dspt/domain';
import { type AssessmentCycleEntity, ReminderCadenceEntity } from '@dspt/server/data';
import type { EntityManager } from 'typeorm';

/** A cycle's default steps (from the cycle, else the portal's). */
export function defaultOffsets(cycle: AssessmentCycleEntity): number[] {
  return cycle.reminderOffsetsDays?.length ? cycle.reminderOffsetsDays : [...DEFAULT_REMINDER_OFFSETS_DAYS];
}

/** The LSP's steps for a cycle: its own when it has set them, else the cycle's defaults. */
export async function cadenceFor(
  manager: EntityManager,
  tenantId: string,
  cycle: AssessmentCycleEntity,
): Promise<{ offsetsDays: number[]; own: ReminderCadenceEntity | null }> {
  const own = await manager.findOneBy(ReminderCadenceEntity, { tenantId, cycleId: cycle.id });
  return { offsetsDays: own?.offsetsDays ?? defaultOffsets(cycle), own };
}
