import type { EmailTemplateList, EmailTemplateView } from '@dspt/contracts';
import { ApiProblem, GlobalAccess, TenantAccess } from '@dspt/server/platform';
import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EmailTemplatesService } from './email-templates.service';
import { EmailTemplateInputDto, EmailTemplateKeyQueryDto } from './templates.dto';

@ApiTags('email templates')
@Controller('tenants/:tenantSlug/email-templates')
export class TenantEmailTemplatesController {
  constructor(private readonly templates: EmailTemplatesService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "The LSP's email templates: its own wording where it has some, otherwise the default" })
  async list(): Promise<EmailTemplateList> {
    return { items: await this.templates.listForCurrentTenant() };
  }

  @Put()
  @TenantAccess('lsp.settings.manage')
  @ApiOperation({ summary: "Save the LSP's own subject and body for a template" })
  @ApiProblem(400, 'An unknown placeholder (named), blank or over-long text')
  save(@Body() body: EmailTemplateInputDto): Promise<EmailTemplateView> {
    return this.templates.saveForCurrentTenant(body);
  }

  @Delete()
  @TenantAccess('lsp.settings.manage')
  @ApiOperation({ summary: 'Go back to the default wording of a template (?key=)' })
  reset(@Query() query: EmailTemplateKeyQueryDto): Promise<EmailTemplateView> {
    return this.templates.resetForCurrentTenant(query.key);
  }
}

@ApiTags('email templates')
@Controller('admin/email-templates')
@GlobalAccess('email-templates.manage')
export class GlobalEmailTemplatesController {
  constructor(private readonly templates: EmailTemplatesService) {}

  @Get()
  @ApiOperation({ summary: 'The default wording of every template' })
  async list(): Promise<EmailTemplateList> {
    return { items: await this.templates.listGlobal() };
  }

  @Put()
  @ApiOperation({ summary: 'Change the default wording of a template (LSPs with their own keep theirs)' })
  @ApiProblem(400, 'An unknown placeholder (named), blank or over-long text')
  save(@Body() body: EmailTemplateInputDto): Promise<EmailTemplateView> {
    return this.templates.saveGlobal(body);
  }
}
