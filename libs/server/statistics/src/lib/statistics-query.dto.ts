import {
  FORECAST_GROUPINGS,
  type ForecastGrouping,
  LSP_STATS_GROUPINGS,
  type LspStatsGrouping,
  STATS_GROUPINGS,
  type StatsGrouping,
} from '@dspt/contracts';
import {
  ENGLISH_REGIONS,
  type EnglishRegion,
  SERVICE_TYPES,
  type ServiceType,
  SIZE_BANDS,
  type SizeBand,
} from '@dspt/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

// Each message names its parameter (`$property`), so a 400 says which one is wrong.

function OneOf(values: readonly string[], description?: string) {
  return applyDecorators(
    ApiPropertyOptional({ enum: values, description }),
    IsOptional(),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}` }),
  );
}

/** The cycle and filters every statistics route takes; filters combine (AND). */
export class StatsFiltersDto {
  @ApiPropertyOptional({ description: 'Cycle code such as 2025-26; defaults to the current cycle' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: '$property must be a cycle code such as 2025-26' })
  cycle?: string;

  @OneOf(ENGLISH_REGIONS)
  region?: EnglishRegion;

  @ApiPropertyOptional({ description: "An LSP's slug" })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,100}$/, { message: "$property must be an LSP's slug" })
  tenant?: string;

  @OneOf(SERVICE_TYPES)
  serviceType?: ServiceType;

  @OneOf(SIZE_BANDS)
  sizeBand?: SizeBand;

  @ApiPropertyOptional({ description: 'A local authority by name' })
  @IsOptional()
  @IsString({ message: '$property must be text' })
  @MaxLength(100, { message: '$property must be at most 100 characters' })
  localAuthority?: string;
}

export class CompletionQueryDto extends StatsFiltersDto {
  @OneOf(STATS_GROUPINGS, 'Defaults to region; tenant groups by LSP (key: its slug)')
  groupBy?: StatsGrouping;
}

/** An LSP's own dashboard: no LSP filter or grouping (it is always the LSP in the address). */
export class LspStatsFiltersDto extends OmitType(StatsFiltersDto, ['tenant'] as const) {}

export class LspCompletionQueryDto extends LspStatsFiltersDto {
  @OneOf(LSP_STATS_GROUPINGS, 'Defaults to region')
  groupBy?: LspStatsGrouping;
}

/** `cycle` only (the options of the filters). */
export class StatsCycleQueryDto {
  @ApiPropertyOptional({ description: 'Cycle code such as 2025-26; defaults to the current cycle' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}$/, { message: '$property must be a cycle code such as 2025-26' })
  cycle?: string;
}

/** `?groupBy=region|tenant` of the coverage statistics; region when left out. */
export class CoverageStatsQueryDto {
  @OneOf(['region', 'tenant'], 'Group by region (the default) or by LSP')
  groupBy?: 'region' | 'tenant';
}

/** The forecast: by region (default) or LSP, always of the current cycle and every provider. */
export class ForecastQueryDto {
  @OneOf(FORECAST_GROUPINGS, 'Defaults to region; tenant groups by LSP (key: its slug)')
  groupBy?: ForecastGrouping;
}
