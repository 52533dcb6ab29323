import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class CreateCycleDto {
  @ApiProperty({ example: '2027-28', description: 'Two consecutive years' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'code must look like 2027-28' })
  code!: string;
}

export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'] })
  @IsOptional()
  @IsIn(['csv', 'xlsx'], { message: 'format must be csv or xlsx' })
  format?: 'csv' | 'xlsx';
}
