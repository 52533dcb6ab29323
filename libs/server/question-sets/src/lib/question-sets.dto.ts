import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CreateCycleDto {
  @ApiProperty({ example: '2027-28', description: 'Two consecutive years' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'code must look like 2027-28' })
  code!: string;
}
