import type { PublicationList, PublicationView } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { PublicationInputDto } from './assessments.dto';
import { PublicationsService } from './publications.service';

@ApiTags('assessments')
@Controller('tenants/:tenantSlug/providers/:providerId/publications')
export class PublicationsController {
  constructor(private readonly publications: PublicationsService) {}

  @Get()
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "The provider's publications in every cycle, newest first" })
  @ApiProblem(404, 'No such provider in this LSP')
  async list(@UuidParam('providerId') providerId: string): Promise<PublicationList> {
    return { items: await this.publications.list(providerId) };
  }

  @Post()
  @TenantAccess('caseload.write')
  @ApiOperation({ summary: 'Record what the provider published on the DSPT (an HQ may cover its branches)' })
  @ApiProblem(404, 'No such provider in this LSP, or the cycle is not loaded')
  @ApiUnprocessableEntityResponse({
    description: "The DSPT's rules refuse it: Approaching Standards twice, items left, no CE+ for Standards Exceeded",
  })
  record(@UuidParam('providerId') providerId: string, @Body() body: PublicationInputDto): Promise<PublicationView> {
    return this.publications.record(providerId, body);
  }
}
