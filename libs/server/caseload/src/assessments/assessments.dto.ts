import type { PublicationInput, QuestionProgressUpdate } from '@dspt/contracts';
import {
  PROGRESS_COMMENT_MAX_LENGTH,
  PUBLICATION_LEVELS,
  type PublicationLevel,
  QUESTION_STATUSES,
  type QuestionStatus,
} from '@dspt/domain';
import { IsCalendarDate } from '@dspt/server/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';

const CYCLE_CODE = /^\d{4}-\d{2}$/;
/** DSPT evidence item codes: 1.1.5, 4.5.3, 10.2.1. */
export const QUESTION_CODE = /^\d{1,3}(\.\d{1,3}){1,3}$/;

export class CycleQueryDto {
  @ApiPropertyOptional({ example: '2025-26', description: "The assessment year; today's cycle when left out" })
  @IsOptional()
  @Matches(CYCLE_CODE, { message: 'cycle must be a cycle code such as 2025-26' })
  cycle?: string;
}

export class QuestionProgressUpdateDto implements QuestionProgressUpdate {
  @ApiProperty({ enum: QUESTION_STATUSES })
  @IsIn(QUESTION_STATUSES, { message: `status must be one of: ${QUESTION_STATUSES.join(', ')}` })
  status!: QuestionStatus;

  @ApiPropertyOptional({ nullable: true, description: 'Left out: kept as it is; null or blank: cleared' })
  @IsOptional()
  @IsString({ message: 'comment must be text' })
  @MaxLength(PROGRESS_COMMENT_MAX_LENGTH, {
    message: `comment must be at most ${PROGRESS_COMMENT_MAX_LENGTH} characters`,
  })
  comment?: string | null;
}

export class PublicationInputDto implements PublicationInput {
  @ApiProperty({ enum: PUBLICATION_LEVELS })
  @IsIn(PUBLICATION_LEVELS, { message: `level must be one of: ${PUBLICATION_LEVELS.join(', ')}` })
  level!: PublicationLevel;

  @ApiProperty({ example: '2025-05-10', description: 'The day it was published on the DSPT; not in the future' })
  @IsCalendarDate()
  publishedOn!: string;

  @ApiPropertyOptional({
    example: '2024-25',
    description: 'Defaults to the cycle publishedOn falls in; if given, it must be that cycle',
  })
  @IsOptional()
  @Matches(CYCLE_CODE, { message: 'cycle must be a cycle code such as 2025-26' })
  cycle?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['4.1.1'],
    description: 'Open mandatory items to mark completed in the same step',
  })
  @IsOptional()
  @IsArray({ message: 'completeItems must be a list of question codes' })
  @ArrayMaxSize(200)
  @ArrayUnique({ message: 'completeItems must not repeat a code' })
  @Matches(QUESTION_CODE, { each: true, message: 'completeItems must hold question codes such as 4.1.1' })
  completeItems?: string[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: "HQ only: ids of this HQ's branches the publication covers",
  })
  @IsOptional()
  @IsArray({ message: 'coversBranchIds must be a list of provider ids' })
  @ArrayMaxSize(500)
  @ArrayUnique({ message: 'coversBranchIds must not repeat an id' })
  @IsUUID('all', { each: true, message: 'coversBranchIds must hold provider ids (UUIDs)' })
  coversBranchIds?: string[];
}
