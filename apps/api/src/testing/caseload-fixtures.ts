import {
  cycleForDate,
  type ProviderKind,
  type ProviderStatus,
  type PublicationLevel,
  type QuestionLevel,
  type ServiceType,
} from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import { type FixtureTenant, randomSiteCode } from '@dspt/server/testing';
import { randomInt } from 'node:crypto';
import type { DataSource } from 'typeorm';

export { randomSiteCode } from '@dspt/server/testing';

/** Today in London shifted by whole days, as YYYY-MM-DD. */
export function londonDay(offsetDays = 0): string {
  const today = new Date(`${londonDate(new Date())}T12:00:00Z`);
  return new Date(today.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

export interface ProviderSeed {
  name?: string;
  odsCode?: string;
  kind?: ProviderKind;
  parentId?: string;
  serviceType?: ServiceType;
  region?: string;
  assignedAdviserId?: string;
  hasCePlus?: boolean;
  lastContactAt?: Date;
  archived?: boolean;
}

/**
 * Caseload rows written as the database owner, with exactly the attributes a test needs: cycles with
 * deadlines relative to today (codes far from real ones, so other test files' cycles never collide),
 * providers, their per-cycle assessments, publications and tasks.
 */
export class CaseloadFixtures {
  constructor(private readonly owner: DataSource) {}

  /** A cycle with a deadline `deadlineInDays` from today and these question levels (CE+ skippable where `ce`). */
  async cycle(
    deadlineInDays: number,
    questions: Array<{ level: QuestionLevel; ce?: boolean }>,
  ): Promise<{ id: string; code: string; deadline: string }> {
    const startYear = randomInt(2200, 9000);
    const code = `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
    const deadline = londonDay(deadlineInDays);
    const rows: Array<{ id: string }> = await this.owner.query(
      `INSERT INTO assessment_cycles (code, starts_on, deadline) VALUES ($1, $2::date - 364, $2) ON CONFLICT (code) DO NOTHING RETURNING id`,
      [code, deadline],
    );
    if (rows.length === 0) {
      return this.cycle(deadlineInDays, questions);
    }
    for (const [position, question] of questions.entries()) {
      await this.owner.query(
        `INSERT INTO questions (cycle_id, code, section, title, level, ce_plus_skippable, position) VALUES ($1, $2, 'Data Security', $3, $4, $5, $6)`,
        [
          rows[0].id,
          `9.${Math.floor(position / 9) + 1}.${(position % 9) + 1}`,
          `Item ${position}`,
          question.level,
          question.ce ?? false,
          position,
        ],
      );
    }
    return { id: rows[0].id, code, deadline };
  }

  /** The current cycle (today's, by the DSPT calendar) exists, with whatever questions it already has. */
  async ensureCycle(code: string, startsOn: string, deadline: string): Promise<string> {
    await this.owner.query(
      `INSERT INTO assessment_cycles (code, starts_on, deadline) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING`,
      [code, startsOn, deadline],
    );
    const [row] = await this.owner.query(`SELECT id FROM assessment_cycles WHERE code = $1`, [code]);
    return row.id;
  }

  /** Today's cycle by the DSPT calendar (what routes use without `?cycle=`) exists; answers its id and code. */
  async ensureCurrentCycle(): Promise<{ id: string; code: string }> {
    const current = cycleForDate(londonDate(new Date()));
    return { id: await this.ensureCycle(current.code, current.startsOn, current.deadline), code: current.code };
  }

  async provider(
    tenant: FixtureTenant,
    seed: ProviderSeed = {},
  ): Promise<{ id: string; odsCode: string; name: string }> {
    const odsCode = seed.odsCode ?? randomSiteCode();
    const name = seed.name ?? `Provider ${odsCode}`;
    const [row] = await this.owner.query(
      `INSERT INTO providers (tenant_id, ods_code, name, kind, parent_id, service_type, size_band, local_authority, region,
                              assigned_adviser_id, has_ce_plus, last_contact_at, archived_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'small', 'Leeds', $7, $8, $9, $10, CASE WHEN $11 THEN now() END)
       ON CONFLICT (ods_code) DO NOTHING RETURNING id`,
      [
        tenant.id,
        odsCode,
        name,
        seed.kind ?? 'single_site',
        seed.parentId ?? null,
        seed.serviceType ?? 'care_home_residential',
        seed.region ?? 'Yorkshire and The Humber',
        seed.assignedAdviserId ?? null,
        seed.hasCePlus ?? false,
        seed.lastContactAt ?? null,
        seed.archived ?? false,
      ],
    );
    if (!row) {
      if (seed.odsCode) {
        throw new Error(`ODS code ${seed.odsCode} is taken`);
      }
      return this.provider(tenant, seed);
    }
    return { id: row.id, odsCode, name };
  }

  async assessment(
    tenant: FixtureTenant,
    providerId: string,
    cycleId: string,
    standing: { completed: number; total: number; status: ProviderStatus },
  ): Promise<void> {
    await this.owner.query(
      `INSERT INTO assessments (tenant_id, provider_id, cycle_id, mandatory_completed, mandatory_total, any_progress, status)
       VALUES ($1, $2, $3, $4, $5, $4 > 0, $6)`,
      [tenant.id, providerId, cycleId, standing.completed, standing.total, standing.status],
    );
  }

  async publication(
    tenant: FixtureTenant,
    providerId: string,
    cycleId: string,
    level: PublicationLevel,
    publishedOn: string,
  ): Promise<void> {
    await this.owner.query(
      `INSERT INTO publications (tenant_id, provider_id, cycle_id, level, published_on) VALUES ($1, $2, $3, $4, $5)`,
      [tenant.id, providerId, cycleId, level, publishedOn],
    );
  }

  async task(tenant: FixtureTenant, providerId: string, dueOn: string, done = false): Promise<void> {
    await this.owner.query(
      `INSERT INTO tasks (tenant_id, provider_id, title, due_on, done_at) VALUES ($1, $2, 'Chase evidence', $3, CASE WHEN $4 THEN now() END)`,
      [tenant.id, providerId, dueOn, done],
    );
  }

  async contactId(providerId: string): Promise<string> {
    const [row] = await this.owner.query(
      `SELECT id FROM provider_contacts WHERE provider_id = $1 ORDER BY created_at LIMIT 1`,
      [providerId],
    );
    return row.id;
  }
}
