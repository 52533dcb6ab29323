import { CASELOAD_SORTS, CASELOAD_VIEWS, type CaseloadSort, type CaseloadView, SORT_DIRECTIONS, type SortDirection } from '@dspt/contracts';
import { ENGLISH_REGIONS, type EnglishRegion, PROVIDER_STATUSES, type ProviderStatus, SERVICE_TYPES, type ServiceType } from '@dspt/domain';
import { SPREADSHEET_FORMATS, type SpreadsheetFormat } from '@dspt/server/spreadsheets';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OneOfField, WholeNumber } from './dto-decorators';

export const MAX_PAGE_SIZE = 200;
const UUID_OR_NONE = /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** Query parameters of the caseload list; each bad one is named in the 400. */
export class CaseloadQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or ODS code, any case' })
  @IsOptional()
  @IsString({ message: '$property must be text' })
  @MaxLength(100, { message: '$property must be at most 100 characters' })
  search?: string;

  @OneOfField(PROVIDER_STATUSES, { optional: true, description: 'Status in the cycle' })
  status?: ProviderStatus;

  @ApiPropertyOptional({ description: "An adviser's user id, or none for unassigned providers" })
  @IsOptional()
  @Matches(UUID_OR_NONE, { message: '$property must be a user id or none' })
  adviser?: string;

  @OneOfField(ENGLISH_REGIONS, { optional: true })
  region?: EnglishRegion;

  @OneOfField(SERVICE_TYPES, { optional: true })
  serviceType?: ServiceType;

  @OneOfField(CASELOAD_VIEWS, { optional: true, description: 'mine: assigned to me; at-risk: see docs/caseload.md' })
  view?: CaseloadView;

  @OneOfField(CASELOAD_SORTS, { optional: true, description: 'Defaults to priority' })
  sort?: CaseloadSort;

  @OneOfField(SORT_DIRECTIONS, { optional: true, description: "Defaults to the sort's natural order (most urgent, A to Z, least complete, longest without contact first)" })
  direction?: SortDirection;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1, MAX_PAGE_SIZE)
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
