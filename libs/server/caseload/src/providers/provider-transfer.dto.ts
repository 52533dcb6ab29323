import type { ProviderTransferRequest } from '@dspt/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { TextField } from './dto-decorators';

export class ProviderTransferDto implements ProviderTransferRequest {
  @ApiProperty({ example: 'greater-manchester-care-digital', description: 'The LSP to move the provider to' })
  @IsString({ message: '$property must be text' })
  @Matches(/^[a-z0-9-]{1,100}$/, { message: "$property must be an LSP's slug" })
  toTenantSlug!: string;

  @TextField({ max: 500, example: 'The home moved from Salford to Leeds' })
  reason!: string;
}
