import { type EmailTemplateKey } from '@dspt/domain';
import type { EmailMessageKind } from '@dspt/server/database';
import { classifySmtpFailure, MailService } from '@dspt/server/mail';
import type { SendEmailJobData } from '@dspt/server/queue';
import { ScopedDatabase } from '@dspt/server/tenancy';
import { EmailTemplatesService } from '@dspt/server/templates';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmailComposer } from './email-composer';
import { loadEmailRenderData } from './email-render-data';
import { suppressionReason } from './email-suppression';

/** What became of one send job. */
export type SendOutcome =
  | { outcome: 'skipped' }
  | { outcome: 'suppressed'; reason: string }
  | { outcome: 'sent'; smtpMessageId: string }
  | { outcome: 'retry'; reason: string }
  | { outcome: 'failed'; reason: string };

interface ClaimedRow {
  id: string;
  tenant_id: string;
  provider_id: string;
  contact_id: string | null;
  cycle_id: string;
  kind: EmailMessageKind;
  idempotency_key: string;
  personal_message: string | null;
  requested_by: string | null;
}

/**
 * Sends one outbox row. In one transaction of the row's LSP it claims the row (UPDATE ... WHERE status =
 * 'queued' RETURNING, which also locks it), re-checks that the email is still wanted, renders it, sends it
 * and records the result. The row lock lasts until the result is committed: a second job for the same row
 * (after Redis was emptied and the planner ran again) waits, then finds it no longer queued. If the worker
 * dies mid-send, its connection drops, Postgres rolls the claim back and the job, once stalled, runs again.
 */
@Injectable()
export class EmailSender {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly mail: MailService,
    private readonly composer: EmailComposer,
    private readonly templates: EmailTemplatesService,
  ) {}

  send(job: SendEmailJobData, lastAttempt: boolean): Promise<SendOutcome> {
    return this.database.inTenant(job.tenantId, async (manager) => {
      // TypeORM answers an UPDATE with [rows, count].
      const [[row]]: [ClaimedRow[], number] = await manager.query(
        `UPDATE email_messages SET attempts = attempts + 1, last_attempt_at = now()
         WHERE id = $1 AND tenant_id = $2 AND status = 'queued'
         RETURNING id, tenant_id, provider_id, contact_id, cycle_id, kind, idempotency_key, personal_message, requested_by`,
        [job.messageId, job.tenantId],
      );
      if (!row) {
        return { outcome: 'skipped' };
      }
      const data = await loadEmailRenderData(manager, {
        tenantId: row.tenant_id,
        providerId: row.provider_id,
        contactId: row.contact_id,
        cycleId: row.cycle_id,
        ...(row.kind === 'guidance' ? { adviserId: row.requested_by } : {}),
      });
      const reason = data ? suppressionReason(row.kind, data) : 'The provider is no longer in this LSP';
      if (!data || reason) {
        await this.record(manager, row.id, `status = 'suppressed', suppressed_at = now(), last_error = $2`, [reason]);
        return { outcome: 'suppressed', reason: reason ?? '' };
      }
      const template = await this.templates.resolve(manager, row.kind as EmailTemplateKey, row.tenant_id);
      const { message } = this.composer.compose(data, template, {
        personalMessage: row.personal_message,
        idempotencyKey: row.idempotency_key,
        messageIdDomain: this.mail.messageIdDomain,
      });
      try {
        const receipt = await this.mail.send(message);
        await this.record(
          manager,
          row.id,
          `status = 'sent', sent_at = now(), smtp_message_id = $2, subject = $3, last_error = NULL`,
          [receipt.messageId, message.subject],
        );
        return { outcome: 'sent', smtpMessageId: receipt.messageId };
      } catch (error) {
        const failure = classifySmtpFailure(error);
        if (failure.kind === 'transient' && !lastAttempt) {
          await this.record(manager, row.id, `last_error = $2, subject = $3`, [failure.reason, message.subject]);
          return { outcome: 'retry', reason: failure.reason };
        }
        const why = failure.kind === 'transient' ? `${failure.reason} (gave up after repeated tries)` : failure.reason;
        await this.record(manager, row.id, `status = 'failed', failed_at = now(), last_error = $2, subject = $3`, [
          why,
          message.subject,
        ]);
        return { outcome: 'failed', reason: why };
      }
    });
  }

  private async record(manager: EntityManager, id: string, assignments: string, values: unknown[]): Promise<void> {
    await manager.query(`UPDATE email_messages SET ${assignments} WHERE id = $1`, [id, ...values]);
  }
}
