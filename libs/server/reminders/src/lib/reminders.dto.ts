import {
  EMAIL_KINDS,
  EMAIL_STATUSES,
  type EmailKind,
  type EmailStatus,
  type EmailTemplatePreviewInput,
  type GuidanceEmailInput,
  type ReminderCadenceInput,
  type ResubscribeInput,
} from '@dspt/contracts';
import { TEMPLATE_BODY_MAX, TEMPLATE_SUBJECT_MAX } from '@dspt/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

const CYCLE_CODE = /^\d{4}-\d{2}$/;
const CYCLE_MESSAGE = 'cycle must be a cycle code such as 2026-27';

export class CycleQueryDto {
  @ApiPropertyOptional({ example: '2026-27', description: "Today's cycle when left out" })
  @IsOptional()
  @Matches(CYCLE_CODE, { message: CYCLE_MESSAGE })
  cycle?: string;
}

export class PageQueryDto extends CycleQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'pageSize must be a whole number from 1 to 1000' })
  @Min(1, { message: 'pageSize must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'pageSize must be a whole number from 1 to 1000' })
  pageSize?: number;
}

export class ReminderPreviewQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 30, description: 'The step (days before the deadline); the next one when left out' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'offsetDays must be a whole number of days' })
  offsetDays?: number;
}

export class EmailLogQueryDto extends ReminderPreviewQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_KINDS })
  @IsOptional()
  @IsIn(EMAIL_KINDS, { message: `kind must be one of: ${EMAIL_KINDS.join(', ')}` })
  kind?: EmailKind;

  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @IsOptional()
  @IsIn(EMAIL_STATUSES, { message: `status must be one of: ${EMAIL_STATUSES.join(', ')}` })
  status?: EmailStatus;
}

export class ProviderEmailLogQueryDto {
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @IsOptional()
  @IsIn(EMAIL_STATUSES, { message: `status must be one of: ${EMAIL_STATUSES.join(', ')}` })
  status?: EmailStatus;
}

export class ReminderCadenceInputDto implements ReminderCadenceInput {
  @ApiProperty({ example: '2026-27' })
  @Matches(CYCLE_CODE, { message: CYCLE_MESSAGE })
  cycle!: string;

  @ApiProperty({
    type: [Number],
    nullable: true,
    example: [90, 30, 7],
    description: 'Days before the deadline; null: the defaults',
  })
  @ValidateIf((input: ReminderCadenceInputDto) => input.offsetsDays !== null)
  @IsArray({ message: 'offsetsDays must be a list of days before the deadline, or null' })
  @IsInt({ each: true, message: 'offsetsDays must be whole numbers of days' })
  offsetsDays!: number[] | null;
}

export class GuidanceEmailInputDto implements GuidanceEmailInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'The primary contact when left out' })
  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a contact id (UUID)' })
  contactId?: string;

  @ApiPropertyOptional({ example: 'Lovely to speak to you today. Here is what is left.' })
  @IsOptional()
  @IsString({ message: 'message must be text' })
  @MaxLength(5_000, { message: 'message must be at most 5000 characters' })
  message?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Sending the same requestId again sends nothing new' })
  @IsOptional()
  @IsUUID('all', { message: 'requestId must be a UUID' })
  requestId?: string;
}

export class EmailTemplatePreviewInputDto implements EmailTemplatePreviewInput {
  @ApiProperty({ enum: ['deadline_reminder', 'guidance'] })
  @IsIn(['deadline_reminder', 'guidance'], { message: 'key must be one of: deadline_reminder, guidance' })
  key!: 'deadline_reminder' | 'guidance';

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'providerId must be a provider id (UUID)' })
  providerId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'subject must be text' })
  @MaxLength(TEMPLATE_SUBJECT_MAX, { message: `subject must be at most ${TEMPLATE_SUBJECT_MAX} characters` })
  subject?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'body must be text' })
  @MaxLength(TEMPLATE_BODY_MAX, { message: `body must be at most ${TEMPLATE_BODY_MAX} characters` })
  body?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'message must be text' })
  @MaxLength(5_000, { message: 'message must be at most 5000 characters' })
  message?: string;

  @ApiPropertyOptional({ example: '2026-27' })
  @IsOptional()
  @Matches(CYCLE_CODE, { message: CYCLE_MESSAGE })
  cycle?: string;
}

export class ResubscribeInputDto implements ResubscribeInput {
  @ApiProperty({ example: 'The manager phoned and asked for reminders again' })
  @IsString({ message: 'reason must be text' })
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(1_000, { message: 'reason must be at most 1000 characters' })
  reason!: string;
}

export class UnsubscribeTokenDto {
  @ApiProperty({ description: 'The token from the link in the email' })
  @IsString({ message: 'token must be the token from the link in the email' })
  @MaxLength(300, { message: 'token must be the token from the link in the email' })
  token!: string;
}
