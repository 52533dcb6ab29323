import { cycleForDate } from '@dspt/domain';
import { Clock } from '@dspt/server/config';
import { AssessmentCycleEntity } from '@dspt/server/database';
import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** How long `resolveRecent` trusts a cycle it has read: cycles are created once a year and rarely change. */
const RECENT_MS = 10_000;

/** Assessment cycles are global data (not tenant-owned): readable in any transaction. */
@Injectable()
export class CyclesService {
  private readonly recent = new Map<string, { cycle: AssessmentCycleEntity; until: number }>();

  constructor(private readonly clock: Clock) {}

  /**
   * `resolve`, answered from what this process read in the last 10 seconds when it can: for hot read
   * paths that need only the cycle's id and code (the caseload list), never its deadline or revision.
   */
  async resolveRecent(manager: EntityManager, code?: string): Promise<Pick<AssessmentCycleEntity, 'id' | 'code'>> {
    const wanted = code ?? cycleForDate(this.clock.today()).code;
    const now = Date.now();
    const known = this.recent.get(wanted);
    if (known && known.until > now) {
      return known.cycle;
    }
    const cycle = await this.resolve(manager, wanted);
    this.recent.set(wanted, { cycle, until: now + RECENT_MS });
    return cycle;
  }

  /** The cycle named by `code`, or today's cycle when no code is given; 404 when it is not loaded. */
  async resolve(manager: EntityManager, code?: string): Promise<AssessmentCycleEntity> {
    const wanted = code ?? cycleForDate(this.clock.today()).code;
    const cycle = await manager.findOneBy(AssessmentCycleEntity, { code: wanted });
    if (!cycle) {
      throw new NotFoundException(
        code ? `No assessment cycle ${code}: a system admin loads each cycle's question set` : `The current cycle ${wanted} has not been loaded yet`,
      );
    }
    return cycle;
  }
}
