import { Conflict, NotFound, invalidField } from '@dspt/domain';
import type { ProviderContact, UnsubscribeView } from '@dspt/contracts';
import { findProviderOrFail, CaseNotesService } from '@dspt/server/caseload';
import {
  AuditService,
  contactUnsubscribedAtSql,
  ProviderContactEntity,
  requireTenantContext,
  ScopedDatabase,
} from '@dspt/server/data';
import { AppConfigService, Clock, EmailAddressHasher } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EmailComposer } from './email-composer';

/** p***@example.com: enough for the person to recognise their address, not enough to harvest it. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain ?? ''}`;
}

const INVALID_LINK = 'This unsubscribe link is not valid: copy the whole link from the email';

/**
 * Unsubscribing (public, by signed link: the token is the only credential) and resubscribing (an adviser,
 * recording the person's own request). An unsubscribe is kept per LSP by address, as a keyed hash in
 * `email_suppressions`: every contact row with that address in the LSP stops getting its emails (a manager
 * of several branches unsubscribes once), including rows added later; other LSPs are not affected.
 */
@Injectable()
export class ContactSubscriptionService {
  private readonly emailHashKey: Buffer;

  constructor(
    private readonly database: ScopedDatabase,
    private readonly composer: EmailComposer,
    private readonly audit: AuditService,
    private readonly notes: CaseNotesService,
    private readonly clock: Clock,
    config: AppConfigService,
  ) {
    this.emailHashKey = new EmailAddressHasher(config.get('EMAIL_HASH_KEY')).sqlKey;
  }

  describe(token: string): Promise<UnsubscribeView> {
    const target = this.verify(token);
    return this.database.inTenant(target.tenantId, (manager) => this.view(manager, target.tenantId, target.contactId));
  }

  unsubscribe(token: string): Promise<UnsubscribeView> {
    const target = this.verify(token);
    return this.database.inTenant(target.tenantId, async (manager) => {
      const before = await this.view(manager, target.tenantId, target.contactId);
      const added: unknown[] = await manager.query(
        `INSERT INTO email_suppressions (tenant_id, email_hash)
         SELECT c.tenant_id, email_address_hash(c.email, $3) FROM provider_contacts c WHERE c.id = $1 AND c.tenant_id = $2
         ON CONFLICT (tenant_id, email_hash) DO NOTHING
         RETURNING 1`,
        [target.contactId, target.tenantId, this.emailHashKey],
      );
      if (added.length === 0) {
        return before;
      }
      const covered: Array<{ id: string; provider_id: string }> = await manager.query(
        `SELECT c.id, c.provider_id FROM provider_contacts c, provider_contacts own
         WHERE own.id = $1 AND c.tenant_id = $2
           AND email_address_hash(c.email, $3) = email_address_hash(own.email, $3)`,
        [target.contactId, target.tenantId, this.emailHashKey],
      );
      await this.audit.recordMany(
        covered.map((row) => ({
          action: 'contact.unsubscribed' as const,
          tenantId: target.tenantId,
          actorUserId: null,
          target: { type: 'provider', id: row.provider_id },
          after: { contactId: row.id, by: 'unsubscribe link' },
        })),
        manager,
      );
      return this.view(manager, target.tenantId, target.contactId);
    });
  }

  /**
   * Takes the contact's address off the LSP's unsubscribe list, because the person asked: `request` says
   * how and when (kept in the audit trail and as a case note on the provider).
   */
  resubscribe(providerId: string, contactId: string, request: string): Promise<ProviderContact> {
    const tenant = requireTenantContext();
    const personsRequest = request.trim();
    if (!personsRequest) {
      throw invalidField('request', 'request must say how and when the person asked to get emails again');
    }
    return this.database.inCurrentTenant(async (manager) => {
      const provider = await findProviderOrFail(manager, providerId);
      const contact = await manager.findOneBy(ProviderContactEntity, { id: contactId, providerId });
      if (!contact) {
        throw new NotFound('Contact not found');
      }
      // TypeORM answers a DELETE with [rows, count].
      const [lifted]: [Array<{ unsubscribed_at: Date }>, number] = await manager.query(
        `DELETE FROM email_suppressions WHERE tenant_id = $1 AND email_hash = email_address_hash($2, $3)
         RETURNING unsubscribed_at`,
        [tenant.id, contact.email, this.emailHashKey],
      );
      if (lifted.length === 0) {
        throw new Conflict(`${contact.name} is subscribed already`);
      }
      const unsubscribedAt = new Date(lifted[0].unsubscribed_at).toISOString();
      await this.notes.record(manager, provider, {
        kind: 'note',
        body: `${contact.name} <${contact.email}> resubscribed to emails (unsubscribed on ${unsubscribedAt.slice(0, 10)}). Their request: ${personsRequest}`,
        occurredAt: this.clock.now(),
      });
      await this.audit.record(
        {
          action: 'contact.resubscribed',
          tenantId: tenant.id,
          target: { type: 'provider', id: providerId },
          before: { contactId, unsubscribedAt },
          after: { contactId, request: personsRequest },
        },
        manager,
      );
      return {
        id: contact.id,
        name: contact.name,
        email: contact.email,
        phone: contact.phone ?? null,
        role: contact.role,
        isPrimary: contact.isPrimary,
        unsubscribedAt: null,
      };
    });
  }

  private verify(token: string | undefined): { tenantId: string; contactId: string } {
    const target = typeof token === 'string' ? this.composer.tokens.verify(token) : null;
    if (!target) {
      throw invalidField('token', INVALID_LINK);
    }
    return target;
  }

  private async view(manager: EntityManager, tenantId: string, contactId: string): Promise<UnsubscribeView> {
    const [row]: Array<{ email: string; unsubscribed_at: Date | null; provider_name: string; tenant_name: string }> =
      await manager.query(
        `SELECT c.email, ${contactUnsubscribedAtSql('c', '$3')} AS unsubscribed_at, p.name AS provider_name, t.name AS tenant_name
       FROM provider_contacts c JOIN providers p ON p.id = c.provider_id JOIN tenants t ON t.id = c.tenant_id
       WHERE c.id = $1 AND c.tenant_id = $2`,
        [contactId, tenantId, this.emailHashKey],
      );
    if (!row) {
      throw new NotFound('This contact is no longer on the portal, so it gets no emails from it');
    }
    return {
      email: maskEmail(row.email),
      lspName: row.tenant_name,
      providerName: row.provider_name,
      unsubscribed: row.unsubscribed_at !== null,
      unsubscribedAt: row.unsubscribed_at ? new Date(row.unsubscribed_at).toISOString() : null,
    };
  }
}
