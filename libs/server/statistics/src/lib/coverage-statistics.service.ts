import type { CoverageStatistics } from '@dspt/contracts';
import { Injectable } from '@nestjs/common';
import { StatsDatabase } from './stats-database';

/**
 * Coverage of the CQC register, programme-wide: per region or per LSP, how many registered adult social
 * care locations there are, how many an LSP has in its caseload and how many have published per the DSPT
 * list. The statistics role cannot read providers; it calls coverage_figures, which counts them.
 */
@Injectable()
export class CoverageStatisticsService {
  constructor(private readonly database: StatsDatabase) {}

  programme(groupBy: CoverageStatistics['groupBy']): Promise<CoverageStatistics> {
    return this.database.programmeWide(async (manager) => {
      const rows: Array<{
        group_key: string;
        group_label: string;
        registered: string;
        engaged: string;
        published: string;
      }> = await manager.query(`SELECT * FROM coverage_figures($1)`, [groupBy]);
      const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
      return {
        groupBy,
        groups: rows.map((row) => {
          const [registered, engaged, published] = [row.registered, row.engaged, row.published].map(Number);
          return {
            key: row.group_key,
            label: row.group_label,
            registered,
            engaged,
            published,
            engagedShare: share(engaged, registered),
            publishedShare: share(published, registered),
          };
        }),
      };
    });
  }
}
