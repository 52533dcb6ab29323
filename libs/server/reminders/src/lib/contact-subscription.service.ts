import type { ProviderContact, UnsubscribeView } from '@dspt/contracts';
import { findProviderOrFail } from '@dspt/server/assessments';
import { AuditService } from '@dspt/server/audit';
import { ProviderContactEntity } from '@dspt/server/database';
import { invalidField } from '@dspt/server/http';
import { requireTenantContext, ScopedDatabase } from '@dspt/server/tenancy';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
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
 * with a reason in the audit trail). Unsubscribing covers every contact row of that address in the LSP, so
 * a manager of several branches stops getting that LSP's emails with one click.
 */
@Injectable()
export class ContactSubscriptionService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly composer: EmailComposer,
    private readonly audit: AuditService,
  ) {}

  describe(token: string): Promise<UnsubscribeView> {
    const target = this.verify(token);
    return this.database.inTenant(target.tenantId, (manager) => this.view(manager, target.tenantId, target.contactId));
  }

  unsubscribe(token: string): Promise<UnsubscribeView> {
    const target = this.verify(token);
    return this.database.inTenant(target.tenantId, async (manager) => {
      const before = await this.view(manager, target.tenantId, target.contactId);
      // TypeORM answers an UPDATE with [rows, count].
      const [changed]: [Array<{ id: string; provider_id: string }>, number] = await manager.query(
        `UPDATE provider_contacts SET unsubscribed_at = now(), updated_at = now()
         WHERE tenant_id = $1 AND unsubscribed_at IS NULL AND email = (SELECT email FROM provider_contacts WHERE id = $2)
         RETURNING id, provider_id`,
        [target.tenantId, target.contactId],
      );
      if (changed.length > 0) {
        await this.audit.recordMany(
          changed.map((row) => ({
            action: 'contact.unsubscribed' as const,
            tenantId: target.tenantId,
            actorUserId: null,
            target: { type: 'provider', id: row.provider_id },
            after: { contactId: row.id, by: 'unsubscribe link' },
          })),
          manager,
        );
      }
      return changed.length > 0 ? this.view(manager, target.tenantId, target.contactId) : before;
    });
  }

  resubscribe(providerId: string, contactId: string, reason: string): Promise<ProviderContact> {
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      await findProviderOrFail(manager, providerId);
      const contact = await manager.findOneBy(ProviderContactEntity, { id: contactId, providerId });
      if (!contact) {
        throw new NotFoundException('Contact not found');
      }
      if (!contact.unsubscribedAt) {
        throw new ConflictException(`${contact.name} is subscribed already`);
      }
      if (!reason.trim()) {
        throw invalidField('reason', 'reason must not be blank');
      }
      await manager.update(ProviderContactEntity, { id: contact.id }, { unsubscribedAt: null });
      await this.audit.record(
        {
          action: 'contact.resubscribed',
          tenantId: tenant.id,
          target: { type: 'provider', id: providerId },
          before: { contactId, unsubscribedAt: contact.unsubscribedAt.toISOString() },
          after: { contactId, reason: reason.trim() },
        },
        manager,
      );
      return {
        id: contact.id,
        name: contact.name,
        email: contact.email,
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
        `SELECT c.email, c.unsubscribed_at, p.name AS provider_name, t.name AS tenant_name
       FROM provider_contacts c JOIN providers p ON p.id = c.provider_id JOIN tenants t ON t.id = c.tenant_id
       WHERE c.id = $1 AND c.tenant_id = $2`,
        [contactId, tenantId],
      );
    if (!row) {
      throw new NotFoundException('This contact is no longer on the portal, so it gets no emails from it');
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
