import type { ErasureResult } from '@dspt/contracts';
import { ApiProblem, TenantAccess, UuidParam } from '@dspt/server/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErasureService } from './erasure.service';
import { ProviderErasureDto } from './privacy.dto';

@ApiTags('privacy')
@Controller('tenants/:tenantSlug/providers/:providerId')
@TenantAccess('lsp.privacy.manage')
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Post('contacts/:contactId/erasure')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Erase a person (UK GDPR art. 17): this LSP's contact rows with their address go, and their address and name become [erased] in notes, tasks, progress comments, the email log and audit details",
  })
  @ApiProblem(404, 'No such provider or contact in this LSP')
  eraseContact(
    @UuidParam('providerId') providerId: string,
    @UuidParam('contactId') contactId: string,
  ): Promise<ErasureResult> {
    return this.erasure.eraseContact(providerId, contactId);
  }

  @Post('erasure')
  @HttpCode(200)
  @ApiOperation({ summary: 'Erase a provider leaving the programme (with its branches): every row it owns goes' })
  @ApiProblem(404, 'No such provider in this LSP')
  @ApiProblem(400, "confirmOdsCode is not the provider's ODS code")
  eraseProvider(@UuidParam('providerId') providerId: string, @Body() body: ProviderErasureDto): Promise<ErasureResult> {
    return this.erasure.eraseProvider(providerId, body.confirmOdsCode);
  }
}
