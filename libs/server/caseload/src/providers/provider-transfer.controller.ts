import type { ProviderTransferResult } from '@dspt/contracts';
import { ApiProblem, GlobalAccess } from '@dspt/server/platform';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ProviderTransferDto } from './provider-transfer.dto';
import { ProviderTransferService } from './provider-transfer.service';

@ApiTags('admin')
@Controller('admin/providers')
@GlobalAccess('providers.transfer')
export class ProviderTransferController {
  constructor(private readonly transfers: ProviderTransferService) {}

  @Post(':odsCode/transfer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a provider (an HQ with its branches) and its whole history to another LSP; audited in both',
  })
  @ApiProblem(404, 'No provider has the ODS code')
  @ApiProblem(409, 'The provider is already in that LSP')
  @ApiUnprocessableEntityResponse({ description: 'A branch on its own: transfer its HQ' })
  transfer(@Param('odsCode') odsCode: string, @Body() body: ProviderTransferDto): Promise<ProviderTransferResult> {
    return this.transfers.transfer(odsCode, body);
  }
}
