import {
  type CaseNoteInput,
  TASK_STATUS_FILTERS,
  type TaskAssigneeFilter,
  type TaskInput,
  type TaskStatusFilter,
  type TaskUpdate,
} from '@dspt/contracts';
import { CASE_NOTE_KINDS, type CaseNoteKind } from '@dspt/domain';
import { IsCalendarDate } from '@dspt/server/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';

const isPresent = (property: string) => (object: object) => (object as Record<string, unknown>)[property] !== undefined;

export class CaseNoteInputDto implements CaseNoteInput {
  @ApiProperty({ enum: CASE_NOTE_KINDS })
  @IsIn(CASE_NOTE_KINDS, { message: `kind must be one of: ${CASE_NOTE_KINDS.join(', ')}` })
  kind!: CaseNoteKind;

  @ApiProperty({ example: 'Called the registered manager: 4.1.1 is done, staff list uploaded.' })
  @IsString({ message: 'body must be text' })
  @Matches(/\S/, { message: 'body must not be blank' })
  @MaxLength(10_000, { message: 'body must be at most 10000 characters' })
  body!: string;

  @ApiPropertyOptional({
    example: '2026-03-01T10:30:00Z',
    description: 'When it happened; now when left out; not in the future',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'occurredAt must be a date and time such as 2026-03-01T10:30:00Z' })
  @Matches(/T.*(Z|[+-]\d{2}:?\d{2})$/i, {
    message: 'occurredAt must include the time and its zone, e.g. 2026-03-01T10:30:00Z',
  })
  occurredAt?: string;
}

export class TaskInputDto implements TaskInput {
  @ApiProperty({ example: 'Chase the staff list for 4.1.1' })
  @IsString({ message: 'title must be text' })
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title!: string;

  @ApiProperty({ example: '2026-03-15', description: 'Today or later' })
  @IsCalendarDate()
  dueOn!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'An adviser or admin of the LSP; yourself when left out; null: nobody',
  })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a user id (UUID)' })
  assigneeId?: string | null;
}

export class TaskUpdateDto implements TaskUpdate {
  @ApiPropertyOptional()
  @ValidateIf(isPresent('title'))
  @IsString({ message: 'title must be text' })
  @Matches(/\S/, { message: 'title must not be blank' })
  @MaxLength(200, { message: 'title must be at most 200 characters' })
  title?: string;

  @ApiPropertyOptional({ example: '2026-03-15', description: 'Today or later' })
  @ValidateIf(isPresent('dueOn'))
  @IsCalendarDate()
  dueOn?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'null: nobody' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be a user id (UUID)' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ description: 'true marks the task done; false opens it again' })
  @ValidateIf(isPresent('done'))
  @IsBoolean({ message: 'done must be true or false' })
  done?: boolean;
}

export class TaskListQueryDto {
  @ApiPropertyOptional({ type: String, example: 'me', description: '`me` (default), `all`, or a user id' })
  @IsOptional()
  @ValidateIf((query: TaskListQueryDto) => query.assignee !== 'me' && query.assignee !== 'all')
  @IsUUID('all', { message: 'assignee must be me, all or a user id' })
  assignee?: TaskAssigneeFilter;

  @ApiPropertyOptional({ enum: TASK_STATUS_FILTERS, description: 'open (default) or done' })
  @IsOptional()
  @IsIn(TASK_STATUS_FILTERS, { message: `status must be one of: ${TASK_STATUS_FILTERS.join(', ')}` })
  status?: TaskStatusFilter;
}
