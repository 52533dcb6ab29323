import type { ReminderCadence, ReminderCadenceInput, ReminderPreview } from '@dspt/contracts';
import {
  BANK_HOLIDAYS_KNOWN_UNTIL,
  dueReminderStep,
  firstDayBeyondBankHolidays,
  reminderOffsetProblems,
  reminderSchedule,
  InvalidInput,
} from '@dspt/domain';
import {
  AuditService,
  type AssessmentCycleEntity,
  contactSuppressedSql,
  findCycleOrFail,
  publishedMetOrAboveSql,
  ReminderCadenceEntity,
  requireSignedInUser,
  requireTenantContext,
  ScopedDatabase,
} from '@dspt/server/data';
import { AppConfigService, Clock, EmailAddressHasher } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { stepCounts } from './email-log';
import { REMINDER_KEY_SQL, reminderAudienceSql } from './reminder-audience';
import { cadenceFor, defaultOffsets } from './reminder-cycles';

const EMPTY_COUNTS = { queued: 0, sent: 0, failed: 0, suppressed: 0 };

/** An LSP's reminder cadence per cycle (its steps, when each goes out, how each went) and who a step emails. */
@Injectable()
export class ReminderCadenceService {
  private readonly emailHashKey: Buffer;

  constructor(
    private readonly database: ScopedDatabase,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    config: AppConfigService,
  ) {
    this.emailHashKey = new EmailAddressHasher(config.get('EMAIL_HASH_KEY')).sqlKey;
  }

  get(cycleCode?: string): Promise<ReminderCadence> {
    return this.database.inCurrentTenant(async (manager) =>
      this.view(manager, await findCycleOrFail(manager, cycleCode, this.clock.today())),
    );
  }

  save(input: ReminderCadenceInput): Promise<ReminderCadence> {
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      const cycle = await findCycleOrFail(manager, input.cycle, this.clock.today());
      const current = await cadenceFor(manager, tenant.id, cycle);
      const wanted = input.offsetsDays ?? defaultOffsets(cycle);
      const problems = reminderOffsetProblems(cycle.deadline, wanted, current.offsetsDays, this.clock.now());
      if (problems.length > 0) {
        throw new InvalidInput(
          problems[0],
          problems.map((message) => ({ field: 'offsetsDays', message })),
        );
      }
      if (input.offsetsDays === null) {
        await manager.delete(ReminderCadenceEntity, { tenantId: tenant.id, cycleId: cycle.id });
      } else {
        await manager.query(
          `INSERT INTO reminder_cadences (tenant_id, cycle_id, offsets_days, updated_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, cycle_id) DO UPDATE SET offsets_days = EXCLUDED.offsets_days, updated_at = now(), updated_by = EXCLUDED.updated_by`,
          [tenant.id, cycle.id, [...wanted].sort((a, b) => b - a), requireSignedInUser().id],
        );
      }
      await this.audit.record(
        {
          action: 'reminder_cadence.updated',
          tenantId: tenant.id,
          target: { type: 'cycle', id: cycle.code },
          before: { offsetsDays: current.offsetsDays },
          after: { offsetsDays: wanted, isDefault: input.offsetsDays === null },
        },
        manager,
      );
      return this.view(manager, cycle);
    });
  }

  /** Who a step of the cycle will email (now, as the planner would see it), with counts of those left out. */
  preview(
    cycleCode: string | undefined,
    offsetDays: number | undefined,
    page: number,
    pageSize: number,
  ): Promise<ReminderPreview> {
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      const cycle = await findCycleOrFail(manager, cycleCode, this.clock.today());
      const { offsetsDays } = await cadenceFor(manager, tenant.id, cycle);
      const schedule = reminderSchedule(cycle.deadline, offsetsDays, this.clock.now());
      const step =
        offsetDays === undefined
          ? (schedule.find((candidate) => !candidate.past) ?? schedule[schedule.length - 1])
          : schedule.find((candidate) => candidate.offsetDays === offsetDays);
      if (!step) {
        const message = `offsetDays must be one of this LSP's steps for ${cycle.code}: ${offsetsDays.join(', ')}`;
        throw new InvalidInput(message, [{ field: 'offsetDays', message }]);
      }
      const [{ total }]: Array<{ total: number }> = await manager.query(
        `SELECT count(*)::int AS total ${reminderAudienceSql('$3')}`,
        [tenant.id, cycle.id, this.emailHashKey],
      );
      const items: Array<Record<string, unknown>> = await manager.query(
        `SELECT p.id AS provider_id, p.name AS provider_name, p.ods_code, c.id AS contact_id, c.name AS contact_name, c.email AS contact_email,
                coalesce((SELECT a.mandatory_total - a.mandatory_completed FROM assessments a WHERE a.provider_id = p.id AND a.cycle_id = $2),
                         (SELECT count(*)::int FROM questions q WHERE q.cycle_id = $2 AND q.level <> 'none')) AS items_left,
                EXISTS (SELECT 1 FROM email_messages m WHERE m.idempotency_key = ${REMINDER_KEY_SQL}) AS already_planned
         ${reminderAudienceSql('$4')}
         ORDER BY p.name, p.ods_code LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        [tenant.id, cycle.id, step.offsetDays, this.emailHashKey],
      );
      const [excluded]: Array<{ published: number; unsubscribed: number; no_primary: number }> = await manager.query(
        `SELECT count(*) FILTER (WHERE ${publishedMetOrAboveSql('p', '$2')})::int AS published,
                count(*) FILTER (WHERE ${contactSuppressedSql('c', '$3')})::int AS unsubscribed,
                count(*) FILTER (WHERE c.id IS NULL)::int AS no_primary
         FROM providers p LEFT JOIN provider_contacts c ON c.provider_id = p.id AND c.is_primary
         WHERE p.tenant_id = $1 AND p.archived_at IS NULL`,
        [tenant.id, cycle.id, this.emailHashKey],
      );
      return {
        cycle: cycle.code,
        offsetDays: step.offsetDays,
        sendOn: step.sendOn,
        sendAt: step.sendAt.toISOString(),
        total,
        excluded: {
          publishedAtStandardsMet: excluded.published,
          unsubscribed: excluded.unsubscribed,
          noPrimaryContact: excluded.no_primary,
        },
        items: items.map((row) => ({
          providerId: row['provider_id'] as string,
          providerName: row['provider_name'] as string,
          odsCode: row['ods_code'] as string,
          contactId: row['contact_id'] as string,
          contactName: row['contact_name'] as string,
          contactEmail: row['contact_email'] as string,
          itemsLeft: Number(row['items_left']),
          alreadyPlanned: row['already_planned'] as boolean,
        })),
        page,
        pageSize,
      };
    });
  }

  private async view(manager: EntityManager, cycle: AssessmentCycleEntity): Promise<ReminderCadence> {
    const tenantId = requireTenantContext().id;
    const now = this.clock.now();
    const { offsetsDays, own } = await cadenceFor(manager, tenantId, cycle);
    const schedule = reminderSchedule(cycle.deadline, offsetsDays, now);
    const due = dueReminderStep(cycle.deadline, schedule, now);
    const counts = await stepCounts(manager, tenantId, cycle.id);
    return {
      cycle: cycle.code,
      deadline: cycle.deadline,
      offsetsDays: schedule.map((step) => step.offsetDays),
      isDefault: own === null,
      defaultOffsetsDays: defaultOffsets(cycle),
      steps: schedule.map((step) => ({
        offsetDays: step.offsetDays,
        sendOn: step.sendOn,
        sendAt: step.sendAt.toISOString(),
        past: step.past,
        due: due?.offsetDays === step.offsetDays,
        counts: counts.get(step.offsetDays) ?? { ...EMPTY_COUNTS },
      })),
      updatedAt: own?.updatedAt.toISOString() ?? null,
      bankHolidaysKnownUntil: firstDayBeyondBankHolidays(schedule.map((step) => step.sendOn))
        ? BANK_HOLIDAYS_KNOWN_UNTIL
        : null,
    };
  }
}
