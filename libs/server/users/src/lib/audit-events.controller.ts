import type { AuditEventList } from '@dspt/contracts';
import { AuditService } from '@dspt/server/audit';
import { TenantAccess } from '@dspt/server/http';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';

@ApiTags('lsp users')
@Controller('tenants/:tenantSlug/audit-events')
@TenantAccess('lsp.users.manage')
export class AuditEventsController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: "The LSP's audit trail, newest first (latest 200)" })
  async list(): Promise<AuditEventList> {
    return { items: await this.audit.listForCurrentTenant(200) };
  }
}
