import { Clock } from '@dspt/server/platform';
import { type AssessmentCycleEntity, findCycleOrFail } from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Assessment cycles are global data (not tenant-owned): readable in any transaction. */
@Injectable()
export class CyclesService {
  constructor(private readonly clock: Clock) {}

  /** The cycle named by `code`, or the current cycle when no code is given; 404 when it is not loaded. */
  resolve(manager: EntityManager, code?: string): Promise<AssessmentCycleEntity> {
    return findCycleOrFail(manager, code, this.clock.today());
  }
}
