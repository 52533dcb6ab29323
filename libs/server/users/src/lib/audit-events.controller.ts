import type { AuditEventList } from '@dspt/contracts';
import { TenantAccess } from '@dspt/server/http';
import { ScopedDatabase } from '@dspt/server/tenancy';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

interface AuditRow {
  id: string;
  occurred_at: Date;
  action: string;
  actor_email: string | null;
  target_type: string | null;
  target_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

@ApiTags('lsp users')
@Controller('tenants/:tenantSlug/audit-events')
@TenantAccess('lsp.users.manage')
export class AuditEventsController {
  constructor(private readonly database: ScopedDatabase) {}

  @Get()
  @ApiOperation({ summary: "The LSP's audit trail, newest first (latest 200)" })
  async list(): Promise<AuditEventList> {
    const rows: AuditRow[] = await this.database.inCurrentTenant((manager) =>
      manager.query(
        `SELECT e.id, e.occurred_at, e.action, u.email AS actor_email, e.target_type, e.target_id, e.before, e.after, host(e.ip) AS ip
         FROM audit_events e LEFT JOIN users u ON u.id = e.actor_user_id
         ORDER BY e.occurred_at DESC LIMIT 200`,
      ),
    );
    return {
      items: rows.map((row) => ({
        id: row.id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        action: row.action,
        actorEmail: row.actor_email,
        targetType: row.target_type,
        targetId: row.target_id,
        before: row.before,
        after: row.after,
        ip: row.ip,
      })),
    };
  }
}
