import {
  CASELOAD_ADVISER_FILTER,
  CASELOAD_CHOICES,
  CASELOAD_DEFAULT_PAGE_SIZE,
  CASELOAD_MAX_PAGE_SIZE,
  CASELOAD_SEARCH_MAX_LENGTH,
  type CaseloadChoice,
} from '@dspt/contracts';
import { SPREADSHEET_FORMATS, type SpreadsheetFormat } from '@dspt/server/platform';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OneOfField, WholeNumber } from './dto-decorators';

/** Query parameters of the caseload list; each bad one is named in the 400. */
export class CaseloadQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or ODS code, any case' })
  @IsOptional()
  @IsString({ message: '$property must be text' })
  @MaxLength(CASELOAD_SEARCH_MAX_LENGTH, {
    message: `$property must be at most ${CASELOAD_SEARCH_MAX_LENGTH} characters`,
  })
  search?: string;

  @OneOfField(CASELOAD_CHOICES.status, { optional: true, description: 'Status in the cycle' })
  status?: CaseloadChoice<'status'>;

  @ApiPropertyOptional({ description: "An adviser's user id, or none for unassigned providers" })
  @IsOptional()
  @Matches(CASELOAD_ADVISER_FILTER, { message: '$property must be a user id or none' })
  adviser?: string;

  @OneOfField(CASELOAD_CHOICES.region, { optional: true })
  region?: CaseloadChoice<'region'>;

  @OneOfField(CASELOAD_CHOICES.serviceType, { optional: true })
  serviceType?: CaseloadChoice<'serviceType'>;

  @OneOfField(CASELOAD_CHOICES.view, {
    optional: true,
    description: 'mine: assigned to me; at-risk: see docs/caseload.md',
  })
  view?: CaseloadChoice<'view'>;

  @OneOfField(CASELOAD_CHOICES.sort, { optional: true, description: 'Defaults to priority' })
  sort?: CaseloadChoice<'sort'>;

  @OneOfField(CASELOAD_CHOICES.direction, {
    optional: true,
    description:
      "Defaults to the sort's natural order (most urgent, A to Z, least complete, longest without contact first)",
  })
  direction?: CaseloadChoice<'direction'>;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: CASELOAD_MAX_PAGE_SIZE, default: CASELOAD_DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1, CASELOAD_MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'Cycle code such as 2025-26; defaults to the current cycle' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: '$property must be a cycle code such as 2025-26' })
  cycle?: string;

  @ApiPropertyOptional({ description: 'List archived providers too', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '$property must be true or false' })
  includeArchived?: boolean;
}

/** What selects and orders the caseload, without paging: the list's parameters less page and pageSize. */
export type CaseloadFilterQuery = Omit<CaseloadQueryDto, 'page' | 'pageSize'>;

/** The caseload export: the list's filters and sort, every matching provider, as CSV (default) or XLSX. */
export class CaseloadExportQueryDto extends OmitType(CaseloadQueryDto, ['page', 'pageSize'] as const) {
  @OneOfField(SPREADSHEET_FORMATS, { optional: true, description: 'csv (default) or xlsx' })
  format?: SpreadsheetFormat;
}
