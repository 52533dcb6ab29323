import type { ReminderPlanResult } from '@dspt/contracts';
import { dueReminderStep, reminderSchedule } from '@dspt/domain';
import { AuditService, AssessmentCycleEntity, TenantEntity, ScopedDatabase } from '@dspt/server/data';
import { AppConfigService, Clock, EmailAddressHasher } from '@dspt/server/platform';
import { Injectable, Logger } from '@nestjs/common';
import { type EntityManager, MoreThanOrEqual } from 'typeorm';
import { EmailOutbox, type OutboxRow } from './email-outbox.service';
import { REMINDER_KEY_SQL, reminderAudienceSql } from './reminder-audience';
import { cadenceFor } from './reminder-cycles';

/**
 * Which reminders are due, for every LSP: for each cycle whose deadline has not passed, the LSP's due step
 * (libs/domain dueReminderStep) gets one outbox row per eligible contact (INSERT ... ON CONFLICT DO NOTHING
 * on the idempotency key), and every row of that step still waiting gets a send job, as does any other
 * waiting email of the LSP (guidance, earlier steps) whose job was lost. Running it again,
 * after a crash or after Redis was emptied, recreates only what is missing and never sends twice.
 * Cross-tenant by design: it walks the LSPs one transaction each (ScopedDatabase.inTenant).
 */
@Injectable()
export class ReminderPlanner {
  private readonly logger = new Logger(ReminderPlanner.name);
  private readonly emailHashKey: Buffer;

  constructor(
    private readonly database: ScopedDatabase,
    private readonly outbox: EmailOutbox,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    config: AppConfigService,
  ) {
    this.emailHashKey = new EmailAddressHasher(config.get('EMAIL_HASH_KEY')).sqlKey;
  }

  async plan(options: { audited?: boolean } = {}): Promise<ReminderPlanResult> {
    const started = performance.now();
    const now = this.clock.now();
    const { tenants, cycles } = await this.database.outsideTenants(async (manager) => ({
      tenants: await manager.find(TenantEntity, { order: { slug: 'ASC' } }),
      cycles: await manager.find(AssessmentCycleEntity, {
        where: { deadline: MoreThanOrEqual(this.clock.today()) },
        order: { deadline: 'ASC' },
      }),
    }));
    const result: ReminderPlanResult = {
      plannedAt: now.toISOString(),
      steps: [],
      created: 0,
      enqueued: 0,
      requeued: 0,
      seconds: 0,
    };
    for (const tenant of tenants) {
      const { steps, rows, requeued } = await this.database.inTenant(tenant.id, async (manager) => {
        const planned: ReminderPlanResult['steps'] = [];
        const queued: OutboxRow[] = [];
        for (const cycle of cycles) {
          const { offsetsDays } = await cadenceFor(manager, tenant.id, cycle);
          const step = dueReminderStep(cycle.deadline, reminderSchedule(cycle.deadline, offsetsDays, now), now);
          if (!step) {
            continue;
          }
          const created: unknown[] = await manager.query(
            `INSERT INTO email_messages (tenant_id, provider_id, contact_id, cycle_id, kind, offset_days, idempotency_key, to_email, to_name)
             SELECT p.tenant_id, p.id, c.id, $2::uuid, 'deadline_reminder', $3::int, ${REMINDER_KEY_SQL}, c.email, c.name
             ${reminderAudienceSql('$4')}
             ON CONFLICT (idempotency_key) DO NOTHING
             RETURNING id`,
            [tenant.id, cycle.id, step.offsetDays, this.emailHashKey],
          );
          const waiting: Array<{ id: string; idempotency_key: string }> = await manager.query(
            `SELECT id, idempotency_key FROM email_messages
             WHERE tenant_id = $1 AND cycle_id = $2 AND offset_days = $3 AND kind = 'deadline_reminder'
               AND (status = 'queued' OR (status = 'sending' AND claim_expires_at < now()))`,
            [tenant.id, cycle.id, step.offsetDays],
          );
          queued.push(
            ...waiting.map((row) => ({ tenantId: tenant.id, messageId: row.id, idempotencyKey: row.idempotency_key })),
          );
          planned.push({
            tenantSlug: tenant.slug,
            cycle: cycle.code,
            offsetDays: step.offsetDays,
            created: created.length,
            enqueued: waiting.length,
          });
        }
        // Every other email of the LSP still waiting (a guidance email, an earlier step's) whose job Redis
        // lost: queued again too. Their content is worked out when they are sent, so late is still right.
        const stepRows = new Set(queued.map((row) => row.messageId));
        const requeued = (await waitingRows(manager, tenant.id)).filter((row) => !stepRows.has(row.messageId));
        queued.push(...requeued);
        return { steps: planned, rows: queued, requeued: requeued.length };
      });
      // Only after the rows are committed: a worker picking up a job must find its row.
      await this.outbox.enqueue(rows);
      result.steps.push(...steps);
      result.requeued += requeued;
    }
    result.created = result.steps.reduce((sum, step) => sum + step.created, 0);
    result.enqueued = result.steps.reduce((sum, step) => sum + step.enqueued, 0);
    result.seconds = Math.round(performance.now() - started) / 1000;
    if (options.audited) {
      await this.audit.record({
        action: 'reminders.planned',
        tenantId: null,
        after: { created: result.created, enqueued: result.enqueued },
      });
    }
    this.logger.log(
      `Planned reminders: ${result.created} new, ${result.enqueued} queued for sending, in ${result.seconds} s`,
    );
    return result;
  }

  /**
   * Gives every waiting email of every LSP its send job again, planning nothing new: what a worker does when
   * it finds Redis emptied, so the emails that were waiting there go now rather than at the next planner run.
   */
  async requeueWaiting(): Promise<number> {
    const tenants = await this.database.outsideTenants((manager) => manager.find(TenantEntity));
    let requeued = 0;
    for (const tenant of tenants) {
      const rows = await this.database.inTenant(tenant.id, (manager) => waitingRows(manager, tenant.id));
      await this.outbox.enqueue(rows);
      requeued += rows.length;
    }
    this.logger.log(`Queued ${requeued} waiting emails for sending again`);
    return requeued;
  }
}

/** The LSP's emails still to send: queued, or held by a worker whose claim has expired. */
async function waitingRows(manager: EntityManager, tenantId: string): Promise<OutboxRow[]> {
  const rows: Array<{ id: string; idempotency_key: string }> = await manager.query(
    `SELECT id, idempotency_key FROM email_messages
     WHERE tenant_id = $1 AND (status = 'queued' OR (status = 'sending' AND claim_expires_at < now()))`,
    [tenantId],
  );
  return rows.map((row) => ({ tenantId, messageId: row.id, idempotencyKey: row.idempotency_key }));
}
