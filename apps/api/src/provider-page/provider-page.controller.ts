import type { ProviderPageView } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProviderPageService } from './provider-page.service';

@ApiTags('providers')
@Controller('tenants/:tenantSlug/providers/:providerId')
export class ProviderPageController {
  constructor(private readonly page: ProviderPageService) {}

  @Get('page')
  @TenantAccess('caseload.read')
  @ApiOperation({
    summary:
      "Everything the provider's page shows when it opens, in one answer: the provider, its assessment and blockers, publications, case notes, tasks, moves and emails",
  })
  @ApiOkResponse({
    description:
      'ProviderPageView: each part as its own endpoint answers it; `assessment` and `blockers` are null before the current cycle is loaded',
  })
  @ApiProblem(404, 'No such provider in this LSP')
  read(@UuidParam('providerId') providerId: string): Promise<ProviderPageView> {
    return this.page.read(providerId);
  }
}
