import { AppConfigService } from '@dspt/server/platform';
import { MailService } from '@dspt/server/messaging';
import type { TransferRequestEmailJobData } from '@dspt/server/platform';
import { ScopedDatabase } from '@dspt/server/data';
import { Injectable, Logger } from '@nestjs/common';
import { type TransferRequestEmailFacts, transferRequestEmail } from './transfer-request-email';

interface RequestRow {
  status: TransferRequestEmailFacts['status'];
  from_tenant_id: string;
  to_tenant_id: string;
  provider_name: string;
  ods_code: string;
  branch_count: number;
  from_name: string;
  from_slug: string;
  to_name: string;
  to_slug: string;
}

/**
 * Worker side of a transfer-request email: reads the request as it is now (a request cancelled before
 * the job ran, or answered twice over, sends nothing), then emails each admin of the LSP that should act
 * or hear: the receiving LSP when it was made, the offering LSP when it was answered.
 */
@Injectable()
export class TransferRequestMailer {
  private readonly logger = new Logger(TransferRequestMailer.name);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
  ) {}

  async send({ requestId, event }: TransferRequestEmailJobData): Promise<number> {
    const [request]: RequestRow[] = await this.database.outsideTenants((manager) =>
      manager.query(
        `SELECT r.status, r.from_tenant_id, r.to_tenant_id, r.provider_name, r.ods_code, r.branch_count,
                f.name AS from_name, f.slug AS from_slug, t.name AS to_name, t.slug AS to_slug
         FROM programme_transfer_requests() r
         JOIN tenants f ON f.id = r.from_tenant_id JOIN tenants t ON t.id = r.to_tenant_id
         WHERE r.id = $1`,
        [requestId],
      ),
    );
    const due = event === 'requested' ? ['pending'] : ['accepted', 'declined'];
    if (!request || !due.includes(request.status)) {
      this.logger.log(`Transfer request ${requestId}: no ${event} email, it is ${request?.status ?? 'gone'}`);
      return 0;
    }
    const [tenantId, slug] =
      event === 'requested' ? [request.to_tenant_id, request.to_slug] : [request.from_tenant_id, request.from_slug];
    const admins: Array<{ user_id: string; email: string }> = await this.database.inTenant(tenantId, (manager) =>
      manager.query(
        `SELECT m.user_id, u.email FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.role = 'admin' ORDER BY u.email`,
      ),
    );
    const content = transferRequestEmail({
      event,
      status: request.status,
      providerName: request.provider_name,
      odsCode: request.ods_code,
      branchCount: request.branch_count,
      fromName: request.from_name,
      toName: request.to_name,
      link: new URL(`/lsp/${slug}/transfers`, this.config.get('PUBLIC_URL')).toString(),
    });
    for (const admin of admins) {
      await this.mail.send({
        to: admin.email,
        ...content,
        // The same on a retry, so a receiver can tell a repeat from a new email.
        messageId: `<transfer-request-${event}-${requestId}-${admin.user_id}@${this.mail.messageIdDomain}>`,
      });
    }
    return admins.length;
  }
}
