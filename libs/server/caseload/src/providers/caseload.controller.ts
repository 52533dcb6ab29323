import type { BulkAssignResult, CaseloadPage } from '@dspt/contracts';
import { TenantAccess, spreadsheetFile } from '@dspt/server/platform';
import { Body, Controller, Get, HttpCode, Post, Query, type StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CaseloadExportService } from './caseload-export.service';
import { CaseloadExportQueryDto, CaseloadQueryDto } from './caseload-query.dto';
import { CaseloadService } from './caseload.service';
import { BulkAssignDto } from './providers.dto';

/**
 * Registered before ProvidersController (see ProvidersModule), so `providers/export` and `providers/assign`
 * are matched here and never taken for a `providers/:providerId`.
 */
@ApiTags('providers')
@Controller('tenants/:tenantSlug/providers')
export class CaseloadController {
  constructor(
    private readonly caseload: CaseloadService,
    private readonly exporter: CaseloadExportService,
  ) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: 'The caseload: filtered, sorted (priority with reasons by default) and paged, for a cycle' })
  list(@Query() query: CaseloadQueryDto): Promise<CaseloadPage> {
    return this.caseload.list(query);
  }

  @Get('export')
  @TenantAccess('caseload.read')
  @ApiOperation({
    summary:
      "The caseload as CSV or XLSX: the list's filters and sort, every matching provider, in the import's columns plus standing and priority",
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() query: CaseloadExportQueryDto): Promise<StreamableFile> {
    const { format, ...filters } = query;
    return spreadsheetFile(format, await this.exporter.export(filters));
  }

  @Post('assign')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Assign an adviser to many providers at once (null unassigns); all or nothing' })
  assign(@Body() body: BulkAssignDto): Promise<BulkAssignResult> {
    return this.caseload.assign(body);
  }
}
