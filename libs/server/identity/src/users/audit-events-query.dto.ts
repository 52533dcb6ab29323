import { AUDIT_ACTIONS, AUDIT_MAX_PAGE_SIZE, type AuditAction, type AuditEventFilters } from '@dspt/contracts';
import { IsCalendarDate, SPREADSHEET_FORMATS, type SpreadsheetFormat } from '@dspt/server/platform';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** Far beyond any real trail's length, so an offset stays a cheap number. */
const MAX_PAGE = 100_000;

/** Query parameters of the audit trail; each bad one is named in the 400. */
export class AuditEventsQueryDto implements AuditEventFilters {
  @ApiPropertyOptional({ description: 'First day, YYYY-MM-DD in Europe/London, included' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day, YYYY-MM-DD in Europe/London, included' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: "Part of the actor's email address, any case" })
  @IsOptional()
  @IsString({ message: '$property must be text' })
  @MaxLength(254, { message: '$property must be at most 254 characters' })
  actor?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: '$property must be one of the audit actions (see the API document)' })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'Only the events about this provider and its contacts', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '$property must be a provider id' })
  providerId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `$property must be a whole number from 1 to ${MAX_PAGE}` })
  @Min(1, { message: `$property must be a whole number from 1 to ${MAX_PAGE}` })
  @Max(MAX_PAGE, { message: `$property must be a whole number from 1 to ${MAX_PAGE}` })
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `$property must be a whole number from 1 to ${AUDIT_MAX_PAGE_SIZE}` })
  @Min(1, { message: `$property must be a whole number from 1 to ${AUDIT_MAX_PAGE_SIZE}` })
  @Max(AUDIT_MAX_PAGE_SIZE, { message: `$property must be a whole number from 1 to ${AUDIT_MAX_PAGE_SIZE}` })
  pageSize?: number;
}

/** The audit trail's download: the list's filters, every matching event, as CSV (default) or XLSX. */
export class AuditEventsExportQueryDto extends OmitType(AuditEventsQueryDto, ['page', 'pageSize'] as const) {
  @ApiPropertyOptional({ enum: SPREADSHEET_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(SPREADSHEET_FORMATS, { message: 'format must be csv or xlsx' })
  format?: SpreadsheetFormat;
}
