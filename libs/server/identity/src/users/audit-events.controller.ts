import type { AuditEventList } from '@dspt/contracts';
import { AUDIT_EXPORT_MAX_ROWS, auditSearchProblem, invalidField } from '@dspt/domain';
import { AuditService, requireTenantContext } from '@dspt/server/data';
import { Clock, TenantAccess, spreadsheetFile } from '@dspt/server/platform';
import { Controller, Get, Query, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AUDIT_EXPORT_COLUMNS, auditExportRow } from './audit-export-rows';
import { AuditEventsExportQueryDto, AuditEventsQueryDto } from './audit-events-query.dto';

const DEFAULT_PAGE_SIZE = 50;

@ApiTags('lsp users')
@Controller('tenants/:tenantSlug/audit-events')
@TenantAccess('lsp.users.manage')
export class AuditEventsController {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    summary: "The LSP's audit trail, newest first: filtered by period, actor, action and provider, paged with a total",
  })
  async list(@Query() query: AuditEventsQueryDto): Promise<AuditEventList> {
    const { page = 1, pageSize = DEFAULT_PAGE_SIZE, ...filters } = query;
    refuseProblem(auditSearchProblem(filters));
    return { ...(await this.audit.search(filters, page, pageSize)), page, pageSize };
  }

  @Get('export')
  @ApiOperation({
    summary: `The audit trail as CSV or XLSX: the list's filters, every matching event (at most ${AUDIT_EXPORT_MAX_ROWS})`,
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() query: AuditEventsExportQueryDto): Promise<StreamableFile> {
    const { format, ...filters } = query;
    refuseProblem(auditSearchProblem(filters));
    const { items, total } = await this.audit.exportForCurrentTenant(filters, AUDIT_EXPORT_MAX_ROWS);
    refuseProblem(auditSearchProblem({ matching: total }));
    return spreadsheetFile(format, {
      filename: `audit-trail-${requireTenantContext().slug}-${this.clock.today()}`,
      sheetName: 'Audit trail',
      columns: AUDIT_EXPORT_COLUMNS,
      rows: items.map(auditExportRow),
    });
  }
}

function refuseProblem(problem: ReturnType<typeof auditSearchProblem>): void {
  if (problem) {
    throw invalidField(problem.field, problem.message);
  }
}
