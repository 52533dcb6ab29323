import { COVERAGE_STATUSES, type CoverageStatus } from '@dspt/domain';
import { OneOfField, WholeNumber } from '@dspt/server/caseload';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

export const COVERAGE_MAX_PAGE_SIZE = 200;
export const COVERAGE_MAX_CLAIMS = 500;
export const MAX_LOCAL_AUTHORITIES = 100;

export class CoverageFiltersDto {
  @OneOfField(COVERAGE_STATUSES, { optional: true, description: 'in_caseload, elsewhere (another LSP) or not_engaged' })
  status?: CoverageStatus;

  @OneOfField(['yes', 'no'], { optional: true, description: 'Published per the DSPT status list, or not' })
  published?: 'yes' | 'no';
}

export class CoverageQueryDto extends CoverageFiltersDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: COVERAGE_MAX_PAGE_SIZE, default: 25 })
  @IsOptional()
  @Type(() => Number)
  @WholeNumber(1, COVERAGE_MAX_PAGE_SIZE)
  pageSize?: number;
}

export class CoverageClaimDto {
  @ApiProperty({ type: [String], description: 'CQC location ids from the coverage list' })
  @IsArray({ message: 'cqcLocationIds must be a list of CQC location ids' })
  @ArrayMinSize(1, { message: 'cqcLocationIds must name at least one location' })
  @ArrayMaxSize(COVERAGE_MAX_CLAIMS, { message: `cqcLocationIds must name at most ${COVERAGE_MAX_CLAIMS} locations` })
  @IsString({ each: true, message: 'cqcLocationIds must be a list of CQC location ids' })
  @MaxLength(40, { each: true, message: 'each of cqcLocationIds must be at most 40 characters' })
  cqcLocationIds!: string[];
}

export class LocalAuthoritiesDto {
  @ApiProperty({ type: [String], example: ['Leeds', 'Bradford'] })
  @IsArray({ message: 'localAuthorities must be a list of local authority names' })
  @ArrayMaxSize(MAX_LOCAL_AUTHORITIES, { message: `localAuthorities must name at most ${MAX_LOCAL_AUTHORITIES}` })
  @IsString({ each: true, message: 'localAuthorities must be a list of local authority names' })
  @MaxLength(120, { each: true, message: 'each of localAuthorities must be at most 120 characters' })
  localAuthorities!: string[];
}
