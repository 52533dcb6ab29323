import { Clock } from '@dspt/server/platform';
import { ScopedDatabase } from '@dspt/server/data';
import { Injectable, Logger } from '@nestjs/common';

export interface SnapshotTaken {
  cycle: string;
  day: string;
  cells: number;
}

/**
 * The daily snapshot: for every cycle under way on the day (started, deadline not passed), a copy of its
 * cells through `stats_take_snapshot`, which upserts on (cycle, day, cell): running it again the same day
 * leaves one snapshot, as the day ended.
 */
@Injectable()
export class SnapshotService {
  private readonly logger = new Logger(SnapshotService.name);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly clock: Clock,
  ) {}

  takeDaily(day = this.clock.today()): Promise<SnapshotTaken[]> {
    return this.database.outsideTenants(async (manager) => {
      const cycles: Array<{ id: string; code: string }> = await manager.query(
        `SELECT id, code FROM assessment_cycles WHERE starts_on <= $1 AND deadline >= $1 ORDER BY deadline`,
        [day],
      );
      const taken: SnapshotTaken[] = [];
      for (const cycle of cycles) {
        const [{ cells }]: Array<{ cells: number }> = await manager.query(
          `SELECT stats_take_snapshot($1, $2) AS cells`,
          [cycle.id, day],
        );
        taken.push({ cycle: cycle.code, day, cells });
        this.logger.log(`Completion snapshot of ${cycle.code} for ${day}: ${cells} cells`);
      }
      return taken;
    });
  }
}
