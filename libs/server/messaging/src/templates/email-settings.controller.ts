import type { EmailSettings } from '@dspt/contracts';
import { TenantAccess } from '@dspt/server/platform';
import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmailSettingsService } from './email-settings.service';
import { EmailSettingsInputDto } from './templates.dto';

@ApiTags('email templates')
@Controller('tenants/:tenantSlug/email-settings')
export class EmailSettingsController {
  constructor(private readonly settings: EmailSettingsService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "The LSP's sender name and reply-to address" })
  get(): Promise<EmailSettings> {
    return this.settings.getForCurrentTenant();
  }

  @Put()
  @TenantAccess('lsp.settings.manage')
  @ApiOperation({ summary: 'Set where replies to the LSP emails go (null: the portal address)' })
  save(@Body() body: EmailSettingsInputDto): Promise<EmailSettings> {
    return this.settings.saveForCurrentTenant(body);
  }
}
