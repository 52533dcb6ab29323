import type { StatsFilters, StatsGrouping } from '@dspt/contracts';
import {
  completionFigures,
  emptyStatusCounts,
  type EnglishRegion,
  type ProviderStatus,
  type ServiceType,
  type SizeBand,
  type StatusCounts,
} from '@dspt/domain';
import { type FixtureTenant, randomSiteCode } from '@dspt/server/testing';
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface StatsProviderSeed {
  region: EnglishRegion;
  localAuthority: string;
  serviceType: ServiceType;
  sizeBand: SizeBand;
  archived?: boolean;
  /** The provider's assessment in the cycle; none: no assessment row (counts as not started). */
  standing?: { status: ProviderStatus; completed: number };
}

/** What the independent count answers per group: the same shape as the endpoint's figures. */
export interface CountedGroup {
  key: string | null;
  total: number;
  counts: Record<ProviderStatus, number>;
  metOrAboveShare: number | null;
  medianMandatoryCompleted: number | null;
}

const FILTER_COLUMNS: Record<keyof StatsFilters, string> = {
  region: 'p.region',
  tenant: 't.slug',
  serviceType: 'p.service_type',
  sizeBand: 'p.size_band',
  localAuthority: 'p.local_authority',
};

const GROUP_COLUMNS: Record<StatsGrouping, string> = {
  region: 'p.region',
  tenant: 't.slug',
  serviceType: 'p.service_type',
  sizeBand: 'p.size_band',
  localAuthority: 'p.local_authority',
};

/**
 * Statistics test data written as the database owner, and the figures counted straight from the caseload
 * tables with plain SQL (percentile_cont for the median): the independent answer the endpoint must equal.
 */
export class StatisticsFixtures {
  constructor(private readonly owner: DataSource) {}

  /** A cycle far from every other test file's (so none of theirs falls between), and the one a year before. */
  async cyclePair(): Promise<{
    current: { id: string; code: string; deadline: string };
    previous: { id: string; code: string; deadline: string };
  }> {
    const startYear = randomInt(3000, 8000);
    const make = async (year: number) => {
      const code = `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
      const [row] = await this.owner.query(
        `INSERT INTO assessment_cycles (code, starts_on, deadline) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING RETURNING id, deadline::text AS deadline`,
        [code, `${year}-07-01`, `${year + 1}-06-30`],
      );
      return row ? { id: row.id as string, code, deadline: row.deadline as string } : null;
    };
    const previous = await make(startYear);
    const current = await make(startYear + 1);
    return previous && current ? { current, previous } : this.cyclePair();
  }

  async provider(
    tenant: FixtureTenant,
    cycleId: string,
    seed: StatsProviderSeed,
  ): Promise<{ id: string; name: string; odsCode: string }> {
    const odsCode = randomSiteCode();
    const name = `Statistics Test Home ${odsCode}`;
    const [row] = await this.owner.query(
      `INSERT INTO providers (tenant_id, ods_code, name, kind, service_type, size_band, local_authority, region, archived_at)
       VALUES ($1, $2, $3, 'single_site', $4, $5, $6, $7, CASE WHEN $8 THEN now() END)
       ON CONFLICT (ods_code) DO NOTHING RETURNING id`,
      [
        tenant.id,
        odsCode,
        name,
        seed.serviceType,
        seed.sizeBand,
        seed.localAuthority,
        seed.region,
        seed.archived ?? false,
      ],
    );
    if (!row) {
      return this.provider(tenant, cycleId, seed);
    }
    await this.owner.query(
      `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary)
       VALUES ($1, $2, 'Sam Statistics', $3, 'registered_manager', true)`,
      [tenant.id, row.id, `manager.${odsCode.toLowerCase()}@provider.example`],
    );
    if (seed.standing) {
      await this.setStanding(tenant, row.id, cycleId, seed.standing);
    }
    return { id: row.id, name, odsCode };
  }

  async setStanding(
    tenant: FixtureTenant,
    providerId: string,
    cycleId: string,
    standing: { status: ProviderStatus; completed: number },
  ): Promise<void> {
    await this.owner.query(
      `INSERT INTO assessments (tenant_id, provider_id, cycle_id, mandatory_completed, mandatory_total, any_progress, status)
       VALUES ($1, $2, $3, $4, 43, $4 > 0, $5)
       ON CONFLICT (provider_id, cycle_id) DO UPDATE SET mandatory_completed = EXCLUDED.mandatory_completed, status = EXCLUDED.status`,
      [tenant.id, providerId, cycleId, standing.completed, standing.status],
    );
  }

  /** The day's snapshot of a cycle, as the job takes it. */
  async snapshot(cycleId: string, day: string): Promise<number> {
    const [row] = await this.owner.query(`SELECT stats_take_snapshot($1, $2) AS cells`, [cycleId, day]);
    return row.cells;
  }

  /**
   * The figures by group (and all together, key null) worked out by the domain's rule (completionFigures) from
   * each provider's assessment: what the database's summary tables, kept by triggers, must agree with.
   */
  async count(cycleId: string, groupBy: StatsGrouping | null, filters: StatsFilters = {}): Promise<CountedGroup[]> {
    const parameters: unknown[] = [cycleId];
    const where = ['p.archived_at IS NULL'];
    for (const [name, value] of Object.entries(filters) as Array<[keyof StatsFilters, string]>) {
      parameters.push(value);
      where.push(`${FILTER_COLUMNS[name]} = $${parameters.length}`);
    }
    const key = groupBy ? GROUP_COLUMNS[groupBy] : 'NULL::text';
    const providers: Array<{ key: string | null; status: ProviderStatus; completed: number }> = await this.owner.query(
      `SELECT ${key} AS key, coalesce(a.status, 'not_started') AS status, coalesce(a.mandatory_completed, 0) AS completed
       FROM providers p
       JOIN tenants t ON t.id = p.tenant_id
       LEFT JOIN assessments a ON a.provider_id = p.id AND a.cycle_id = $1
       WHERE ${where.join(' AND ')}`,
      parameters,
    );
    const groups = new Map<string | null, { counts: StatusCounts; completed: Map<number, number> }>();
    for (const provider of providers) {
      const group = groups.get(provider.key) ?? { counts: emptyStatusCounts(), completed: new Map<number, number>() };
      group.counts[provider.status] += 1;
      group.completed.set(provider.completed, (group.completed.get(provider.completed) ?? 0) + 1);
      groups.set(provider.key, group);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
      .map(([groupKey, group]) => ({
        key: groupKey,
        ...completionFigures(group.counts, {
          values: [...group.completed.keys()],
          counts: [...group.completed.values()],
        }),
      }));
  }
}
