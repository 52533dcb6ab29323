import {
  EMAIL_KINDS,
  EMAIL_STATUSES,
  type EmailKind,
  type EmailStatus,
  type EmailTemplatePreviewInput,
  type GuidanceEmailInput,
  type GuidanceEmailPreviewInput,
  type ReminderCadenceInput,
  type ResubscribeInput,
} from '@dspt/contracts';
import { TEMPLATE_BODY_MAX, TEMPLATE_SUBJECT_MAX } from '@dspt/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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

/** The most recipients and items one guidance request names. */
export const GUIDANCE_CONTACTS_MAX = 20;
export const GUIDANCE_ITEMS_MAX = 200;

export class GuidanceEmailPreviewInputDto implements GuidanceEmailPreviewInput {
  @ApiPropertyOptional({ format: 'uuid', description: 'The primary contact when neither this nor contactIds is given' })
  @IsOptional()
  @IsUUID('all', { message: 'contactId must be a contact id (UUID)' })
  contactId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Contacts of the provider, one email each' })
  @IsOptional()
  @IsArray({ message: 'contactIds must be a list of contact ids' })
  @ArrayMinSize(1, { message: 'contactIds must name at least one contact' })
  @ArrayMaxSize(GUIDANCE_CONTACTS_MAX, { message: `contactIds must name at most ${GUIDANCE_CONTACTS_MAX} contacts` })
  @IsUUID('all', { each: true, message: 'contactIds must be contact ids (UUIDs)' })
  contactIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['1.1.5', '3.2.1'],
    description: "Codes among the provider's open mandatory items to list; every open item when left out",
  })
  @IsOptional()
  @IsArray({ message: 'questionCodes must be a list of item codes' })
  @ArrayMinSize(1, { message: 'questionCodes must name at least one open item' })
  @ArrayMaxSize(GUIDANCE_ITEMS_MAX, { message: `questionCodes must name at most ${GUIDANCE_ITEMS_MAX} items` })
  @IsString({ each: true, message: 'questionCodes must be item codes such as 1.1.5' })
  @MaxLength(20, { each: true, message: 'questionCodes must be item codes such as 1.1.5' })
  questionCodes?: string[];

  @ApiPropertyOptional({ example: 'Lovely to speak to you today. Here is what is left.' })
  @IsOptional()
  @IsString({ message: 'message must be text' })
  @MaxLength(5_000, { message: 'message must be at most 5000 characters' })
  message?: string;
}

export class GuidanceEmailInputDto extends GuidanceEmailPreviewInputDto implements GuidanceEmailInput {
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
  @ApiProperty({
    description: "The person's own request: how and when they asked to get emails again",
    example: 'Phoned on 3 Dec asking to receive reminders again',
  })
  @IsString({ message: 'request must be text saying how and when the person asked to get emails again' })
  @Matches(/\S/, { message: 'request must say how and when the person asked to get emails again' })
  @MaxLength(1_000, { message: 'request must be at most 1000 characters' })
  request!: string;
}

export class UnsubscribeTokenDto {
  @ApiProperty({ description: 'The token from the link in the email' })
  @IsString({ message: 'token must be the token from the link in the email' })
  @MaxLength(300, { message: 'token must be the token from the link in the email' })
  token!: string;
}
