import { retentionCutoffs } from '@dspt/domain';
import { AuditService, TenantEntity, ScopedDatabase } from '@dspt/server/data';
import { AppConfigService, Clock } from '@dspt/server/platform';
import { Injectable, Logger } from '@nestjs/common';

/** What one retention run removed (the job's result, and the `retention.applied` audit event). */
export interface RetentionResult {
  ranAt: string;
  /** Emails settled before this instant had their content removed. */
  emailContentBefore: string;
  /** Emails whose subject and personal message were removed, per LSP slug (only LSPs with any). */
  emailContentRemoved: Record<string, number>;
  emailContentRemovedTotal: number;
  /** Null when AUDIT_RETENTION_DAYS is off. */
  auditEventsBefore: string | null;
  auditEventsDeleted: number;
}

/**
 * The daily retention run (docs/privacy.md "Retention"). For every LSP, one transaction each
 * (ScopedDatabase.inTenant, like the planner): emails settled (sent, failed or not sent) longer ago than
 * EMAIL_BODY_RETENTION_DAYS lose their subject and personal message, the only content the outbox keeps
 * (bodies are rendered at send time and never stored); the delivery record stays: contact, address,
 * status, attempts, SMTP answer and dates. Then audit events older than AUDIT_RETENTION_DAYS are deleted
 * through `purge_audit_events`. Running it twice removes nothing more. Each run is logged and audited.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfigService,
  ) {}

  async apply(): Promise<RetentionResult> {
    const now = this.clock.now();
    const cutoffs = retentionCutoffs(now, {
      emailBodyDays: this.config.get('EMAIL_BODY_RETENTION_DAYS'),
      auditDays: this.config.get('AUDIT_RETENTION_DAYS'),
    });
    const tenants = await this.database.outsideTenants((manager) =>
      manager.find(TenantEntity, { order: { slug: 'ASC' } }),
    );
    const emailContentRemoved: Record<string, number> = {};
    for (const tenant of tenants) {
      const removed = await this.database.inTenant(tenant.id, async (manager) => {
        // TypeORM answers an UPDATE with [rows, count].
        const [, count]: [unknown[], number] = await manager.query(
          `UPDATE email_messages SET subject = NULL, personal_message = NULL, content_removed_at = $3
           WHERE tenant_id = $1 AND content_removed_at IS NULL AND status IN ('sent', 'failed', 'suppressed')
             AND created_at < $2 AND coalesce(sent_at, failed_at, suppressed_at, created_at) < $2`,
          [tenant.id, cutoffs.emailBodiesBefore, now],
        );
        return count;
      });
      if (removed > 0) {
        emailContentRemoved[tenant.slug] = removed;
      }
    }
    const auditEventsDeleted = cutoffs.auditEventsBefore ? await this.audit.purgeBefore(cutoffs.auditEventsBefore) : 0;
    const result: RetentionResult = {
      ranAt: now.toISOString(),
      emailContentBefore: cutoffs.emailBodiesBefore.toISOString(),
      emailContentRemoved,
      emailContentRemovedTotal: Object.values(emailContentRemoved).reduce((sum, count) => sum + count, 0),
      auditEventsBefore: cutoffs.auditEventsBefore?.toISOString() ?? null,
      auditEventsDeleted,
    };
    await this.audit.record({ action: 'retention.applied', tenantId: null, actorUserId: null, after: result });
    this.logger.log(
      `Retention: removed the content of ${result.emailContentRemovedTotal} emails settled before ${result.emailContentBefore}; ` +
        (result.auditEventsBefore
          ? `deleted ${auditEventsDeleted} audit events from before ${result.auditEventsBefore}`
          : 'audit retention is off'),
    );
    return result;
  }
}
