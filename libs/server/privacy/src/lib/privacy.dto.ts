import type { ProviderErasureRequest } from '@dspt/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Transform, type TransformFnParams } from 'class-transformer';
import { IsEmail, IsString, MaxLength } from 'class-validator';

const trimmed = ({ value }: TransformFnParams): unknown => (typeof value === 'string' ? value.trim() : value);

export class ProviderErasureDto implements ProviderErasureRequest {
  @ApiProperty({ example: 'VABC1', description: "The provider's ODS code, typed again to confirm the erasure" })
  @Transform(({ value }: TransformFnParams): unknown =>
    typeof value === 'string' ? value.trim().toUpperCase() : value,
  )
  @IsString({ message: '$property must be text' })
  @MaxLength(20, { message: '$property must be at most 20 characters' })
  confirmOdsCode!: string;
}

export class SubjectAccessQueryDto {
  @ApiProperty({ example: 'manager@rosecourt.example', description: 'The address whose data to export (any case)' })
  @Transform(trimmed)
  @IsEmail({}, { message: '$property must be an email address' })
  @MaxLength(254, { message: '$property must be at most 254 characters' })
  email!: string;
}
