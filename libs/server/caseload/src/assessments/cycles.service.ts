import { NotFound } from '@dspt/domain';
import { Clock } from '@dspt/server/platform';
import { type AssessmentCycleEntity, loadCycle } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Assessment cycles are global data (not tenant-owned): readable in any transaction. */
@Injectable()
export class CyclesService {
  constructor(private readonly clock: Clock) {}

  /** The cycle named by `code`, or the current cycle when no code is given; 404 when it is not loaded. */
  async resolve(manager: EntityManager, code?: string): Promise<AssessmentCycleEntity> {
    const { code: wanted, cycle } = await loadCycle(manager, code, this.clock.today());
    if (!cycle) {
      throw new NotFound(
        code
          ? `No assessment cycle ${code}: a system admin loads each cycle's question set`
          : `The current cycle ${wanted} has not been loaded yet`,
      );
    }
    return cycle;
  }
}
