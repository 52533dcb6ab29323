import type {
  EmailMessageList,
  EmailMessageView,
  EmailStatus,
  EmailTemplatePreviewInput,
  GuidanceEmailInput,
  GuidanceEmailPreview,
  GuidanceEmailPreviewInput,
  GuidanceEmailsQueued,
  RenderedEmailView,
} from '@dspt/contracts';
import { codesNotOpen, keepChosenItems, Conflict, NotFound, invalidField } from '@dspt/domain';
import { findProviderOrFail, CaseNotesService } from '@dspt/server/caseload';
import {
  AuditService,
  contactUnsubscribedAtSql,
  findCycleOrFail,
  ProviderContactEntity,
  requireSignedInUser,
  requireTenantContext,
  ScopedDatabase,
} from '@dspt/server/data';
import { AppConfigService, Clock, EmailAddressHasher } from '@dspt/server/platform';
import { MailService, assertValidTemplate, EmailTemplatesService } from '@dspt/server/messaging';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type EntityManager, In } from 'typeorm';
import { EmailComposer, openItems } from './email-composer';
import { type EmailLogFilter, readEmailLog } from './email-log';
import { EmailOutbox } from './email-outbox.service';
import { type EmailRenderData, loadEmailRenderData } from './email-render-data';

/** The most emails a provider's log lists: years of reminders and guidance. */
const PROVIDER_LOG_LIMIT = 1000;

/**
 * What advisers ask of the outbox: guidance emails, the delivery logs, sending a failed email again, and
 * previews of templates filled with a real provider's data.
 */
@Injectable()
export class EmailRequestsService {
  private readonly emailHashKey: Buffer;

  constructor(
    private readonly database: ScopedDatabase,
    private readonly outbox: EmailOutbox,
    private readonly composer: EmailComposer,
    private readonly templates: EmailTemplatesService,
    private readonly notes: CaseNotesService,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    config: AppConfigService,
  ) {
    this.emailHashKey = new EmailAddressHasher(config.get('EMAIL_HASH_KEY')).sqlKey;
  }

  /**
   * Queues a guidance email to each chosen contact of the provider (the primary one by default) listing
   * the chosen open mandatory items (every one by default), and logs it as one case note, in one
   * transaction. The same requestId twice queues once.
   */
  async requestGuidance(providerId: string, input: GuidanceEmailInput): Promise<GuidanceEmailsQueued> {
    const tenant = requireTenantContext();
    const user = requireSignedInUser();
    const requestId = input.requestId ?? randomUUID();
    const { views, enqueue } = await this.database.inCurrentTenant(async (manager) => {
      const { provider, cycle, emails, items, questionCodes } = await this.prepareGuidance(manager, providerId, input);
      const keys = emails.map(({ contact }) => `guidance.${provider.id}.${requestId}.${contact.id}`);
      const existing: Array<{ id: string }> = await manager.query(
        `SELECT id FROM email_messages WHERE idempotency_key = ANY($1::text[]) ORDER BY created_at, id`,
        [keys],
      );
      if (existing.length > 0) {
        return { views: await this.many(manager, existing), enqueue: [] };
      }
      const message = input.message?.trim() || null;
      const queued: Array<{ id: string; key: string }> = [];
      for (const [index, { contact }] of emails.entries()) {
        const [row]: Array<{ id: string }> = await manager.query(
          `INSERT INTO email_messages (tenant_id, provider_id, contact_id, cycle_id, kind, idempotency_key, to_email, to_name, personal_message, question_codes, requested_by)
           VALUES ($1, $2, $3, $4, 'guidance', $5, $6, $7, $8, $9, $10) RETURNING id`,
          [
            tenant.id,
            provider.id,
            contact.id,
            cycle.id,
            keys[index],
            contact.email,
            contact.name,
            message,
            questionCodes,
            user.id,
          ],
        );
        queued.push({ id: row.id, key: keys[index] });
      }
      const listed =
        items.length === 0
          ? 'no open mandatory items'
          : `${items.length} open mandatory items (${items.map((item) => item.code).join(', ')})`;
      const to = emails.map(({ contact }) => `${contact.name} <${contact.email}>`).join(', ');
      await this.notes.record(manager, provider, {
        kind: 'email',
        body: `Guidance email to ${to} listing ${listed}.${message ? `\n\nMessage: ${message}` : ''}`,
        occurredAt: this.clock.now(),
      });
      for (const [index, { contact }] of emails.entries()) {
        await this.audit.record(
          {
            action: 'email.guidance_requested',
            tenantId: tenant.id,
            target: { type: 'provider', id: provider.id },
            after: { emailId: queued[index].id, contactId: contact.id, ...(questionCodes ? { questionCodes } : {}) },
          },
          manager,
        );
      }
      return { views: await this.many(manager, queued), enqueue: queued };
    });
    if (enqueue.length > 0) {
      await this.outbox.enqueue(
        enqueue.map((row) => ({ tenantId: tenant.id, messageId: row.id, idempotencyKey: row.key })),
      );
    }
    return { ...views[0], messages: views };
  }

  /**
   * The guidance email each chosen contact would get, rendered by the same composer the sender uses, with
   * the same checks as sending; nothing is queued or recorded.
   */
  previewGuidance(providerId: string, input: GuidanceEmailPreviewInput): Promise<GuidanceEmailPreview> {
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      const { emails, questionCodes } = await this.prepareGuidance(manager, providerId, input);
      const template = await this.templates.resolve(manager, 'guidance', tenant.id);
      return {
        emails: emails.map(({ contact, data }) => {
          const { rendered, message } = this.composer.compose(data, template, {
            personalMessage: input.message?.trim() || null,
            questionCodes,
          });
          return {
            contactId: contact.id,
            toName: contact.name,
            to: message.to,
            from: `"${data.tenantName}" <${this.mail.fromAddress}>`,
            replyTo: data.replyTo,
            subject: rendered.subject,
            text: rendered.text,
            html: rendered.html,
          };
        }),
      };
    });
  }

  /**
   * The provider, today's cycle, the recipients with their render data, and the chosen items, checked:
   * the contacts are the provider's and subscribed, the codes are among its open mandatory items.
   */
  private async prepareGuidance(manager: EntityManager, providerId: string, input: GuidanceEmailPreviewInput) {
    const tenant = requireTenantContext();
    const user = requireSignedInUser();
    const provider = await findProviderOrFail(manager, providerId);
    const contacts = await this.recipients(manager, provider.id, input);
    const cycle = await findCycleOrFail(manager, undefined, this.clock.today());
    const emails: Array<{ contact: ProviderContactEntity; data: EmailRenderData }> = [];
    for (const contact of contacts) {
      const data = await loadEmailRenderData(
        manager,
        { tenantId: tenant.id, providerId: provider.id, contactId: contact.id, cycleId: cycle.id, adviserId: user.id },
        this.emailHashKey,
      );
      if (!data) {
        throw new NotFound('Provider not found');
      }
      emails.push({ contact, data });
    }
    const open = openItems(emails[0].data, '{code}');
    if (input.questionCodes) {
      const notOpen = codesNotOpen(
        input.questionCodes,
        open.map((item) => item.code),
      );
      if (notOpen.length > 0) {
        throw invalidField(
          'questionCodes',
          `${notOpen.join(', ')} ${notOpen.length === 1 ? 'is' : 'are'} not among the provider's open mandatory items`,
        );
      }
    }
    const items = keepChosenItems(open, input.questionCodes);
    return {
      provider,
      cycle,
      emails,
      items,
      questionCodes: input.questionCodes ? items.map((item) => item.code) : null,
    };
  }

  /** The chosen contacts in the order given (contactIds), or the one contact (contactId, else the primary). */
  private async recipients(
    manager: EntityManager,
    providerId: string,
    input: GuidanceEmailPreviewInput,
  ): Promise<ProviderContactEntity[]> {
    if (!input.contactIds) {
      return [await this.contactFor(manager, providerId, input.contactId)];
    }
    if (input.contactId) {
      throw invalidField('contactIds', 'Give contactId or contactIds, not both');
    }
    const ids = [...new Set(input.contactIds)];
    const found = new Map(
      (await manager.findBy(ProviderContactEntity, { providerId, id: In(ids) })).map((contact) => [
        contact.id,
        contact,
      ]),
    );
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length > 0) {
      throw invalidField('contactIds', `Not contacts of this provider: ${unknown.join(', ')}`);
    }
    const contacts: ProviderContactEntity[] = [];
    for (const id of ids) {
      contacts.push(await this.subscribed(manager, found.get(id) as ProviderContactEntity));
    }
    return contacts;
  }

  log(filter: EmailLogFilter & { cycleCode?: string }, page: number, pageSize: number): Promise<EmailMessageList> {
    return this.database.inCurrentTenant((manager) => this.logIn(manager, filter, page, pageSize));
  }

  /** Every email to one provider (up to a thousand), newest first: its page lists them. */
  providerLog(providerId: string, status?: EmailStatus): Promise<EmailMessageList> {
    return this.database.inCurrentTenant((manager) => this.providerLogIn(manager, providerId, status));
  }

  /** As `providerLog`, in the caller's transaction. */
  providerLogIn(manager: EntityManager, providerId: string, status?: EmailStatus): Promise<EmailMessageList> {
    return this.logIn(manager, { providerId, status }, 1, PROVIDER_LOG_LIMIT);
  }

  /** As `log`, in the caller's transaction. */
  async logIn(
    manager: EntityManager,
    filter: EmailLogFilter & { cycleCode?: string },
    page: number,
    pageSize: number,
  ): Promise<EmailMessageList> {
    const tenant = requireTenantContext();
    if (filter.providerId) {
      await findProviderOrFail(manager, filter.providerId);
    }
    const cycleId = filter.cycleCode
      ? (await findCycleOrFail(manager, filter.cycleCode, this.clock.today())).id
      : undefined;
    return readEmailLog(manager, tenant.id, { ...filter, cycleId }, page, pageSize);
  }

  /** A failed email goes back to `queued` and gets a new send job. */
  async retry(messageId: string): Promise<EmailMessageView> {
    const tenant = requireTenantContext();
    const { view, key } = await this.database.inCurrentTenant(async (manager) => {
      const [row]: Array<{
        status: string;
        idempotency_key: string;
        last_error: string | null;
        content_removed_at: Date | null;
      }> = await manager.query(
        `SELECT status, idempotency_key, last_error, content_removed_at FROM email_messages WHERE id = $1 AND tenant_id = $2 FOR UPDATE`,
        [messageId, tenant.id],
      );
      if (!row) {
        throw new NotFound('Email not found');
      }
      if (row.status !== 'failed') {
        throw new Conflict(`Only failed emails can be sent again; this one is ${row.status}`);
      }
      if (row.content_removed_at) {
        throw new Conflict(
          'This email is too old to send again: its content was removed under the retention period. Send a new one',
        );
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
      const data = await loadEmailRenderData(
        manager,
        {
          tenantId: tenant.id,
          providerId: provider.id,
          contactId: contact?.id ?? null,
          cycleId: cycle.id,
          ...(input.key === 'guidance' ? { adviserId: requireSignedInUser().id } : {}),
        },
        this.emailHashKey,
      );
      if (!data) {
        throw new NotFound('Provider not found');
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
        throw new NotFound('Contact not found');
      }
      throw invalidField('contactId', 'The provider has no primary contact: choose a contact');
    }
    return this.subscribed(manager, contact);
  }

  /** The contact, or a 409 when they unsubscribed. */
  private async subscribed(manager: EntityManager, contact: ProviderContactEntity): Promise<ProviderContactEntity> {
    const [{ unsubscribed_at: unsubscribedAt }]: Array<{ unsubscribed_at: Date | null }> = await manager.query(
      `SELECT ${contactUnsubscribedAtSql('c', '$2')} AS unsubscribed_at FROM provider_contacts c WHERE c.id = $1`,
      [contact.id, this.emailHashKey],
    );
    if (unsubscribedAt) {
      throw new Conflict(
        `${contact.name} unsubscribed on ${new Date(unsubscribedAt).toISOString().slice(0, 10)}: an adviser can resubscribe them when the person asks to get emails again`,
      );
    }
    return contact;
  }

  private async many(manager: EntityManager, rows: ReadonlyArray<{ id: string }>): Promise<EmailMessageView[]> {
    const views: EmailMessageView[] = [];
    for (const row of rows) {
      views.push(await this.one(manager, row.id));
    }
    return views;
  }

  private async one(manager: EntityManager, messageId: string): Promise<EmailMessageView> {
    const { items } = await readEmailLog(manager, requireTenantContext().id, { messageId }, 1, 1);
    return items[0];
  }
}
