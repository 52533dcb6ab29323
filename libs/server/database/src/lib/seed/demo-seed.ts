import { cycleEndingIn, cycleForDate } from '@dspt/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { AssessmentCycleEntity, QuestionEntity, TenantEntity } from '../entities';
import demoTenants from './demo-tenants.json';
import { referenceQuestionSet } from './question-set';

export interface DemoSeedSummary {
  cycles: string[];
  questions: number;
  tenants: number;
}

/** True when the database holds no tenants yet: `npm start` seeds only then. */
export async function isDatabaseEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(TenantEntity).count()) === 0;
}

/**
 * Loads the demo data set: the current and previous assessment cycles with the reference question set,
 * and the 28 demo LSP tenants. Idempotent: running it twice changes nothing.
 */
export async function seedDemoData(dataSource: DataSource, today: string): Promise<DemoSeedSummary> {
  return dataSource.transaction(async (manager) => {
    const current = cycleForDate(today);
    const previous = cycleEndingIn(Number(current.deadline.slice(0, 4)) - 1);
    let questions = 0;
    for (const cycle of [previous, current]) {
      questions += await upsertCycleWithQuestions(manager, cycle);
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(TenantEntity)
      .values(demoTenants)
      .orIgnore()
      .execute();
    return { cycles: [previous.code, current.code], questions, tenants: demoTenants.length };
  });
}

async function upsertCycleWithQuestions(
  manager: EntityManager,
  cycle: { code: string; startsOn: string; deadline: string },
): Promise<number> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(AssessmentCycleEntity)
    .values({ ...cycle, reminderOffsetsDays: [90, 30, 7] })
    .orIgnore()
    .execute();
  const saved = await manager.getRepository(AssessmentCycleEntity).findOneByOrFail({ code: cycle.code });
  const rows = referenceQuestionSet().map((question, position) => ({ ...question, cycleId: saved.id, position }));
  await manager.createQueryBuilder().insert().into(QuestionEntity).values(rows).orIgnore().execute();
  return rows.length;
}
