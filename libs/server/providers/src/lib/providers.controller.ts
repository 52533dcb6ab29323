import type { ProviderDetail } from '@dspt/contracts';
import { TenantAccess, UuidParam } from '@dspt/server/http';
import { Body, Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateProviderDto, UpdateProviderDto } from './providers.dto';
import { ProvidersService } from './providers.service';

@ApiTags('providers')
@Controller('tenants/:tenantSlug/providers')
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Post()
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Add a provider (with its contacts) to the caseload' })
  @ApiConflictResponse({ description: 'The ODS code is already registered (in any LSP)' })
  create(@Body() body: CreateProviderDto): Promise<ProviderDetail> {
    return this.providers.create(body);
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
  @ApiConflictResponse({ description: 'Someone saved since that version (details list what they changed), the ODS code is taken, or the provider is archived' })
  update(@UuidParam('providerId') providerId: string, @Body() body: UpdateProviderDto): Promise<ProviderDetail> {
    return this.providers.update(providerId, body);
  }

  @Post(':providerId/archive')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Archive a provider: it leaves the caseload, reminders and statistics' })
  @ApiConflictResponse({ description: 'Already archived' })
  archive(@UuidParam('providerId') providerId: string): Promise<ProviderDetail> {
    return this.providers.archive(providerId);
  }

  @Post(':providerId/unarchive')
  @HttpCode(200)
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Bring an archived provider back to the caseload' })
  @ApiConflictResponse({ description: 'Not archived' })
  unarchive(@UuidParam('providerId') providerId: string): Promise<ProviderDetail> {
    return this.providers.unarchive(providerId);
  }
}
