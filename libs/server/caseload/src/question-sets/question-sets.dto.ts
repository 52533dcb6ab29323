import type { ChangeCycleDeadlineRequest, CreateCycleRequest, CurrentCycleRequest } from '@dspt/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class CreateCycleDto implements CreateCycleRequest {
  @ApiProperty({ example: '2027-28', description: 'Two consecutive years' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'code must look like 2027-28' })
  code!: string;

  @ApiPropertyOptional({ example: '2028-06-30', description: 'The deadline, when not 30 June of the second year' })
  @IsOptional()
  @IsString({ message: 'deadline must be a date in the form YYYY-MM-DD' })
  @Matches(ISO_DAY, { message: 'deadline must be a date in the form YYYY-MM-DD' })
  deadline?: string;
}

export class ChangeCycleDeadlineDto implements ChangeCycleDeadlineRequest {
  @ApiProperty({ example: '2027-06-30' })
  @IsString({ message: 'deadline must be a date in the form YYYY-MM-DD' })
  @Matches(ISO_DAY, { message: 'deadline must be a date in the form YYYY-MM-DD' })
  deadline!: string;
}

export class CurrentCycleDto implements CurrentCycleRequest {
  @ApiProperty({
    example: '2026-27',
    nullable: true,
    type: String,
    description: 'The cycle to make current, or null to let the date decide again',
  })
  @ValidateIf((body: CurrentCycleDto) => body.code !== null)
  @IsString({ message: 'code must be a cycle such as 2027-28, or null' })
  @Matches(/^\d{4}-\d{2}$/, { message: 'code must be a cycle such as 2027-28, or null' })
  code!: string | null;
}

export class QuestionSetImportQueryDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Check the file and answer what it would change, saving nothing',
  })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';
}
