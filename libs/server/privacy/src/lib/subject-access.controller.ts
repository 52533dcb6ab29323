import type { SubjectAccessExport } from '@dspt/contracts';
import { TenantAccess } from '@dspt/server/platform';
import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubjectAccessQueryDto } from './privacy.dto';
import { SubjectAccessService } from './subject-access.service';

@ApiTags('privacy')
@Controller('tenants/:tenantSlug/subject-access')
@TenantAccess('lsp.privacy.manage')
export class SubjectAccessController {
  constructor(private readonly subjectAccess: SubjectAccessService) {}

  @Get()
  @Header('Content-Disposition', 'attachment; filename="subject-access.json"')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Everything this LSP holds about one address (UK GDPR art. 15), as a JSON file: contacts, emails, notes, tasks, audit events; audited under a pseudonym',
  })
  export(@Query() query: SubjectAccessQueryDto): Promise<SubjectAccessExport> {
    return this.subjectAccess.export(query.email);
  }
}
