import type { BulkAssignResult, CaseloadPage } from '@dspt/contracts';
import { TenantAccess } from '@dspt/server/http';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CaseloadQueryDto } from './caseload-query.dto';
import { CaseloadService } from './caseload.service';
import { BulkAssignDto } from './providers.dto';

@ApiTags('providers')
@Controller('tenants/:tenantSlug/providers')
export class CaseloadController {
  constructor(private readonly caseload: CaseloadService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: 'The caseload: filtered, sorted (priority with reasons by default) and paged, for a cycle' })
  list(@Query() query: CaseloadQueryDto): Promise<CaseloadPage> {
    return this.caseload.list(query);
  }

  @Post('assign')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Assign an adviser to many providers at once (null unassigns); all or nothing' })
  assign(@Body() body: BulkAssignDto): Promise<BulkAssignResult> {
    return this.caseload.assign(body);
  }
}
