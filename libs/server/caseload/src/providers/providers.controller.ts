import type { OdsCodeCheck, ProviderDetail } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OdsCodeCheckService } from './ods-code-check.service';
import { CreateProviderDto, OdsCodeCheckQueryDto, UpdateProviderDto } from './providers.dto';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@Controller('tenants/:tenantSlug/providers')
export class ProvidersController {
  constructor(
    private readonly providers: ProvidersService,
    private readonly odsCodes: OdsCodeCheckService,
  ) {}

  @Post()
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Add a provider (with its contacts) to the caseload' })
  @ApiProblem(409, 'The ODS code is already registered (in any LSP)')
  create(@Body() body: CreateProviderDto): Promise<ProviderDetail> {
    return this.providers.create(body);
  }

  // Before :providerId, so the fixed path is not read as an id.
  @Get('ods-check')
  @TenantAccess('caseload.write')
  @ApiOperation({
    summary:
      'Whether a new provider could take an ODS code: its form for the kind, and whether any LSP holds it (never which)',
  })
  checkOdsCode(@Query() query: OdsCodeCheckQueryDto): Promise<OdsCodeCheck> {
    return this.odsCodes.check(query.code, query.kind ?? 'single_site');
  }

  @Get(':providerId')
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: 'A provider: details, contacts, HQ and branches, status and progress in the current cycle' })
  get(@UuidParam('providerId') providerId: string): Promise<ProviderDetail> {
    return this.providers.get(providerId);
  }

  @Patch(':providerId')
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Edit a provider; `version` is the version the edit started from' })
  @ApiProblem(
    409,
    'Someone saved since that version (details list what they changed), the ODS code is taken, or the provider is archived',
  )
  update(@UuidParam('providerId') providerId: string, @Body() body: UpdateProviderDto): Promise<ProviderDetail> {
    return this.providers.update(providerId, body);
  }

  @Post(':providerId/archive')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Archive a provider: it leaves the caseload, reminders and statistics' })
  @ApiProblem(409, 'Already archived')
  archive(@UuidParam('providerId') providerId: string): Promise<ProviderDetail> {
    return this.providers.archive(providerId);
  }

  @Post(':providerId/unarchive')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Bring an archived provider back to the caseload' })
  @ApiProblem(409, 'Not archived')
  unarchive(@UuidParam('providerId') providerId: string): Promise<ProviderDetail> {
    return this.providers.unarchive(providerId);
  }
}
