import type { TransferAnswerInput, TransferDeclineInput, TransferRequestInput } from '@dspt/contracts';
import { TRANSFER_REQUEST_STATUSES } from '@dspt/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { OneOfField, TextField, WholeNumber } from './dto-decorators';

export class TransferRequestDto implements TransferRequestInput {
  @ApiProperty({ example: 'greater-manchester-care-digital', description: 'The LSP to offer the provider to' })
  @IsString({ message: '$property must be text' })
  @Matches(/^[a-z0-9-]{1,100}$/, { message: "$property must be an LSP's slug" })
  toTenantSlug!: string;

  @TextField({ max: 500, example: 'The home moved from Salford to Leeds in March' })
  note!: string;
}

export class TransferAnswerDto implements TransferAnswerInput {
  @ApiProperty({ description: 'The version of the request the answer started from', example: 1 })
  @WholeNumber(1, undefined, '$property must be the version number of the request')
  version!: number;
}

export class TransferDeclineDto extends TransferAnswerDto implements TransferDeclineInput {
  @TextField({ max: 500, example: 'The home is outside our area' })
  reason!: string;
}

export class TransferRequestQueryDto {
  @OneOfField(['incoming', 'outgoing'], { optional: true, description: 'Requests to this LSP, or from it' })
  direction?: 'incoming' | 'outgoing';

  @OneOfField(TRANSFER_REQUEST_STATUSES, { optional: true })
  status?: (typeof TRANSFER_REQUEST_STATUSES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the requests about this provider' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a UUID' })
  providerId?: string;
}
