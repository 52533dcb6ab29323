import type {
  EmailMessageList,
  EmailMessageView,
  EmailTemplatePreviewInput,
  GuidanceEmailInput,
  RenderedEmailView,
} from '@dspt/contracts';
import { findProviderOrFail } from '@dspt/server/assessments';
import { AuditService } from '@dspt/server/audit';
import { CaseNotesService } from '@dspt/server/casework';
import { Clock } from '@dspt/server/config';
import { ProviderContactEntity } from '@dspt/server/database';
import { invalidField } from '@dspt/server/http';
import { MailService } from '@dspt/server/mail';
import { requireSignedInUser, requireTenantContext, ScopedDatabase } from '@dspt/server/tenancy';
import { assertValidTemplate, EmailTemplatesService } from '@dspt/server/templates';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EmailComposer, openItems } from './email-composer';
import { type EmailLogFilter, readEmailLog } from './email-log';
import { EmailOutbox } from './email-outbox.service';
import { loadEmailRenderData } from './email-render-data';
import { findCycleOrFail } from './reminder-cycles';

/**
 * What advisers ask of the outbox: guidance emails, the delivery logs, sending a failed email again, and
 * previews of templates filled with a real provider's data.
 */
@Injectable()
export class EmailRequestsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly outbox: EmailOutbox,
    private readonly composer: EmailComposer,
    private readonly templates: EmailTemplatesService,
    private readonly notes: CaseNotesService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  /**
   * Queues a guidance email to a contact of the provider (the primary one by default) listing its open
   * mandatory items, and logs it as a case note, in one transaction. The same requestId twice queues once.
   */
  async requestGuidance(providerId: string, input: GuidanceEmailInput): Promise<EmailMessageView> {
    const tenant = requireTenantContext();
    const user = requireSignedInUser();
    const key = `guidance.${providerId}.${input.requestId ?? randomUUID()}`;
    const { view, enqueue } = await this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, providerId);
      const existing = await manager.query(`SELECT id FROM email_messages WHERE idempotency_key = $1`, [key]);
      if (existing.length > 0) {
        return { view: await this.one(manager, existing[0].id), enqueue: false };
      }
      const contact = await this.contactFor(manager, provider.id, input.contactId);
      const cycle = await findCycleOrFail(manager, undefined, this.clock.today());
      const data = await loadEmailRenderData(manager, {
        tenantId: tenant.id,
        providerId,
        contactId: contact.id,
        cycleId: cycle.id,
        adviserId: user.id,
      });
      const items = data ? openItems(data, '{code}') : [];
      const message = input.message?.trim() || null;
      const [row]: Array<{ id: string }> = await manager.query(
        `INSERT INTO email_messages (tenant_id, provider_id, contact_id, cycle_id, kind, idempotency_key, to_email, to_name, personal_message, requested_by)
         VALUES ($1, $2, $3, $4, 'guidance', $5, $6, $7, $8, $9) RETURNING id`,
        [tenant.id, provider.id, contact.id, cycle.id, key, contact.email, contact.name, message, user.id],
      );
      const listed =
        items.length === 0
          ? 'no open mandatory items'
          : `${items.length} open mandatory items (${items.map((item) => item.code).join(', ')})`;
      await this.notes.record(manager, provider, {
        kind: 'email',
        body: `Guidance email to ${contact.name} <${contact.email}> listing ${listed}.${message ? `\n\nMessage: ${message}` : ''}`,
        occurredAt: this.clock.now(),
      });
      await this.audit.record(
        {
          action: 'email.guidance_requested',
          tenantId: tenant.id,
          target: { type: 'provider', id: provider.id },
          after: { emailId: row.id, contactId: contact.id },
        },
        manager,
      );
      return { view: await this.one(manager, row.id), enqueue: true };
    });
    if (enqueue) {
      await this.outbox.enqueue([{ tenantId: tenant.id, messageId: view.id, idempotencyKey: key }]);
    }
    return view;
  }

  log(filter: EmailLogFilter & { cycleCode?: string }, page: number, pageSize: number): Promise<EmailMessageList> {
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      if (filter.providerId) {
        await findProviderOrFail(manager, filter.providerId);
      }
      const cycleId = filter.cycleCode
        ? (await findCycleOrFail(manager, filter.cycleCode, this.clock.today())).id
        : undefined;
      return readEmailLog(manager, tenant.id, { ...filter, cycleId }, page, pageSize);
    });
  }

  /** A failed email goes back to `queued` and gets a new send job. */
  async retry(messageId: string): Promise<EmailMessageView> {
    const tenant = requireTenantContext();
    const { view, key } = await this.database.inCurrentTenant(async (manager) => {
      const [row]: Array<{ status: string; idempotency_key: string; last_error: string | null }> = await manager.query(
        `SELECT status, idempotency_key, last_error FROM email_messages WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
        [messageId, tenant.id],
      );
      if (!row) {
        throw new NotFoundException('Email not found');
      }
      if (row.status !== 'failed') {
        throw new ConflictException(`Only failed emails can be sent again; this one is ${row.status}`);
      }
      await manager.query(`UPDATE email_messages SET status = 'queued', failed_at = NULL WHERE id = $1`, [messageId]);
      await this.audit.record(
        {
          action: 'email.retried',
          tenantId: tenant.id,
          target: { type: 'email', id: messageId },
          before: { status: 'failed', lastError: row.last_error },
        },
        manager,
      );
      return { view: await this.one(manager, messageId), key: row.idempotency_key };
    });
    await this.outbox.requeue({ tenantId: tenant.id, messageId, idempotencyKey: key });
    return view;
  }

  /** A template (saved, or the draft given) filled with a real provider's data; nothing is sent. */
  preview(input: EmailTemplatePreviewInput): Promise<RenderedEmailView> {
    if ((input.subject === undefined) !== (input.body === undefined)) {
      throw invalidField(
        input.subject === undefined ? 'subject' : 'body',
        'Give both subject and body to preview a draft, or neither',
      );
    }
    if (input.subject !== undefined && input.body !== undefined) {
      assertValidTemplate(input.key, { subject: input.subject, body: input.body });
    }
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, input.providerId);
      const cycle = await findCycleOrFail(manager, input.cycle, this.clock.today());
      const contact = await manager.findOneBy(ProviderContactEntity, { providerId: provider.id, isPrimary: true });
      const data = await loadEmailRenderData(manager, {
        tenantId: tenant.id,
        providerId: provider.id,
        contactId: contact?.id ?? null,
        cycleId: cycle.id,
        ...(input.key === 'guidance' ? { adviserId: requireSignedInUser().id } : {}),
      });
      if (!data) {
        throw new NotFoundException('Provider not found');
      }
      const template =
        input.subject !== undefined && input.body !== undefined
          ? { subject: input.subject, body: input.body }
          : await this.templates.resolve(manager, input.key, tenant.id);
      const { rendered, message } = this.composer.compose(data, template, { personalMessage: input.message ?? null });
      return {
        to: contact ? message.to : null,
        from: `"${data.tenantName}" <${this.mail.fromAddress}>`,
        replyTo: data.replyTo,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
      };
    });
  }

  private async contactFor(
    manager: EntityManager,
    providerId: string,
    contactId: string | undefined,
  ): Promise<ProviderContactEntity> {
    const contact = await manager.findOneBy(
      ProviderContactEntity,
      contactId ? { id: contactId, providerId } : { providerId, isPrimary: true },
    );
    if (!contact) {
      if (contactId) {
        throw new NotFoundException('Contact not found');
      }
      throw invalidField('contactId', 'The provider has no primary contact: choose a contact');
    }
    if (contact.unsubscribedAt) {
      throw new ConflictException(
        `${contact.name} unsubscribed on ${contact.unsubscribedAt.toISOString().slice(0, 10)}: an adviser can resubscribe them, giving a reason`,
      );
    }
    return contact;
  }

  private async one(manager: EntityManager, messageId: string): Promise<EmailMessageView> {
    const { items } = await readEmailLog(manager, requireTenantContext().id, { messageId }, 1, 1);
    return items[0];
  }
}
