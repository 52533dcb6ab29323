import type { ProviderContact } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Delete, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProviderContactsService } from './provider-contacts.service';
import { ProviderContactDto, ProviderContactUpdateDto } from './providers.dto';

@ApiTags('providers')
@Controller('tenants/:tenantSlug/providers/:providerId/contacts')
@TenantAccess('caseload.write')
export class ProviderContactsController {
  constructor(private readonly contacts: ProviderContactsService) {}

  @Post()
  @ApiOperation({ summary: 'Add a contact; making it primary makes the previous primary an ordinary contact' })
  @ApiProblem(409, 'The address is already a contact of this provider, or the provider is archived')
  add(@UuidParam('providerId') providerId: string, @Body() body: ProviderContactDto): Promise<ProviderContact> {
    return this.contacts.add(providerId, body);
  }

  @Patch(':contactId')
  @ApiOperation({ summary: 'Change a contact (any subset of its fields)' })
  @ApiProblem(409, 'The new address is already a contact of this provider, or the provider is archived')
  update(
    @UuidParam('providerId') providerId: string,
    @UuidParam('contactId') contactId: string,
    @Body() body: ProviderContactUpdateDto,
  ): Promise<ProviderContact> {
    return this.contacts.update(providerId, contactId, body);
  }

  @Delete(':contactId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a contact' })
  remove(@UuidParam('providerId') providerId: string, @UuidParam('contactId') contactId: string): Promise<void> {
    return this.contacts.remove(providerId, contactId);
  }
}
