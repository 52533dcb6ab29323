import type { EmailSettings, EmailSettingsInput } from '@dspt/contracts';
import {
  AuditService,
  TenantEmailSettingsEntity,
  TenantEntity,
  requireSignedInUser,
  requireTenantContext,
  ScopedDatabase,
} from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Where replies to an LSP's emails go; the sender name is always the LSP's own name. */
@Injectable()
export class EmailSettingsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
  ) {}

  getForCurrentTenant(): Promise<EmailSettings> {
    return this.database.inCurrentTenant((manager) => this.read(manager, requireTenantContext().id));
  }

  saveForCurrentTenant(input: EmailSettingsInput): Promise<EmailSettings> {
    const tenant = requireTenantContext();
    const replyTo = input.replyTo?.trim().toLowerCase() || null;
    return this.database.inCurrentTenant(async (manager) => {
      const before = await this.read(manager, tenant.id);
      await manager.query(
        `INSERT INTO tenant_email_settings (tenant_id, reply_to, updated_by) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) DO UPDATE SET reply_to = EXCLUDED.reply_to, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [tenant.id, replyTo, requireSignedInUser().id],
      );
      await this.audit.record(
        {
          action: 'email_settings.updated',
          tenantId: tenant.id,
          target: { type: 'tenant', id: tenant.id },
          before: { replyTo: before.replyTo },
          after: { replyTo },
        },
        manager,
      );
      return this.read(manager, tenant.id);
    });
  }

  private async read(manager: EntityManager, tenantId: string): Promise<EmailSettings> {
    const tenant = await manager.findOneByOrFail(TenantEntity, { id: tenantId });
    const settings = await manager.findOneBy(TenantEmailSettingsEntity, { tenantId });
    return { replyTo: settings?.replyTo ?? null, senderName: tenant.name };
  }
}
