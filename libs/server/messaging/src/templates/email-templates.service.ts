import type { EmailTemplateInput, EmailTemplateView } from '@dspt/contracts';
import {
  EMAIL_TEMPLATE_KEYS,
  type EmailTemplateKey,
  type EmailTemplateText,
  TEMPLATE_PLACEHOLDERS,
  templateProblems,
  InvalidInput,
} from '@dspt/domain';
import {
  AuditService,
  EmailTemplateEntity,
  TenantEmailTemplateEntity,
  requireSignedInUser,
  requireTenantContext,
  ScopedDatabase,
} from '@dspt/server/data';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

function view(
  key: EmailTemplateKey,
  global: EmailTemplateEntity,
  own: TenantEmailTemplateEntity | undefined,
): EmailTemplateView {
  return {
    key,
    subject: own?.subject ?? global.subject,
    body: own?.body ?? global.body,
    isOverride: own !== undefined,
    defaultSubject: global.subject,
    defaultBody: global.body,
    placeholders: [...TEMPLATE_PLACEHOLDERS[key]],
    updatedAt: (own?.updatedAt ?? global.updatedAt).toISOString(),
  };
}

/** Refuses a template with problems: 400 whose message is the first problem and whose details name each. */
export function assertValidTemplate(key: EmailTemplateKey, template: EmailTemplateText): void {
  const problems = templateProblems(key, template);
  if (problems.length > 0) {
    throw new InvalidInput(problems[0].message, problems);
  }
}

/**
 * Email templates: a global default per key (system admins edit it) and an LSP's own subject and body,
 * which replace the default for that LSP's emails. Placeholders are checked on every save.
 */
@Injectable()
export class EmailTemplatesService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
  ) {}

  /** The wording an LSP's emails use for `key` (its own, or the default), in the caller's transaction. */
  async resolve(manager: EntityManager, key: EmailTemplateKey, tenantId: string | null): Promise<EmailTemplateText> {
    const [row]: Array<{ subject: string; body: string }> = await manager.query(
      `SELECT coalesce(t.subject, g.subject) AS subject, coalesce(t.body, g.body) AS body
       FROM email_templates g LEFT JOIN tenant_email_templates t ON t.key = g.key AND t.tenant_id = $2
       WHERE g.key = $1`,
      [key, tenantId],
    );
    return row;
  }

  listForCurrentTenant(): Promise<EmailTemplateView[]> {
    return this.database.inCurrentTenant(async (manager) => {
      const globals = await manager.find(EmailTemplateEntity);
      const own = await manager.find(TenantEmailTemplateEntity);
      return EMAIL_TEMPLATE_KEYS.map((key) =>
        view(
          key,
          globals.find((row) => row.key === key) as EmailTemplateEntity,
          own.find((row) => row.key === key),
        ),
      );
    });
  }

  saveForCurrentTenant(input: EmailTemplateInput): Promise<EmailTemplateView> {
    assertValidTemplate(input.key, input);
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      const before = await manager.findOneBy(TenantEmailTemplateEntity, { key: input.key });
      await manager.query(
        `INSERT INTO tenant_email_templates (tenant_id, key, subject, body, updated_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (tenant_id, key) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body, updated_at = now(), updated_by = EXCLUDED.updated_by`,
        [tenant.id, input.key, input.subject, input.body, requireSignedInUser().id],
      );
      await this.audit.record(
        {
          action: 'email_template.updated',
          tenantId: tenant.id,
          target: { type: 'email_template', id: input.key },
          before: before ? { subject: before.subject, body: before.body } : undefined,
          after: { subject: input.subject, body: input.body },
        },
        manager,
      );
      return this.viewIn(manager, input.key);
    });
  }

  /** Back to the global default. */
  resetForCurrentTenant(key: EmailTemplateKey): Promise<EmailTemplateView> {
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      const before = await manager.findOneBy(TenantEmailTemplateEntity, { key });
      if (before) {
        await manager.delete(TenantEmailTemplateEntity, { id: before.id });
        await this.audit.record(
          {
            action: 'email_template.reset',
            tenantId: tenant.id,
            target: { type: 'email_template', id: key },
            before: { subject: before.subject, body: before.body },
          },
          manager,
        );
      }
      return this.viewIn(manager, key);
    });
  }

  listGlobal(): Promise<EmailTemplateView[]> {
    return this.database.outsideTenants(async (manager) => {
      const globals = await manager.find(EmailTemplateEntity);
      return EMAIL_TEMPLATE_KEYS.map((key) =>
        view(key, globals.find((row) => row.key === key) as EmailTemplateEntity, undefined),
      );
    });
  }

  saveGlobal(input: EmailTemplateInput): Promise<EmailTemplateView> {
    assertValidTemplate(input.key, input);
    return this.database.outsideTenants(async (manager) => {
      const before = await manager.findOneByOrFail(EmailTemplateEntity, { key: input.key });
      await manager.update(
        EmailTemplateEntity,
        { key: input.key },
        { subject: input.subject, body: input.body, updatedAt: () => 'now()', updatedBy: requireSignedInUser().id },
      );
      await this.audit.record(
        {
          action: 'email_template.updated',
          tenantId: null,
          target: { type: 'email_template', id: input.key },
          before: { subject: before.subject, body: before.body },
          after: { subject: input.subject, body: input.body },
        },
        manager,
      );
      return view(input.key, await manager.findOneByOrFail(EmailTemplateEntity, { key: input.key }), undefined);
    });
  }

  private async viewIn(manager: EntityManager, key: EmailTemplateKey): Promise<EmailTemplateView> {
    const global = await manager.findOneByOrFail(EmailTemplateEntity, { key });
    const own = await manager.findOneBy(TenantEmailTemplateEntity, { key });
    return view(key, global, own ?? undefined);
  }
}
