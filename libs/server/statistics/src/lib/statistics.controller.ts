import type {
  CompletionForecast,
  CompletionStatistics,
  CompletionTrend,
  CoverageStatistics,
  StatisticsOptions,
} from '@dspt/contracts';
import { GlobalAccess } from '@dspt/server/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompletionForecastService } from './completion-forecast.service';
import { CompletionStatisticsService } from './completion-statistics.service';
import { CompletionTrendService } from './completion-trend.service';
import { StatisticsOptionsService } from './statistics-options.service';
import { CompletionQueryDto, CoverageStatsQueryDto, ForecastQueryDto, StatsFiltersDto } from './statistics-query.dto';
import { CoverageStatisticsService } from './coverage-statistics.service';

/** Programme-wide statistics: aggregates of every LSP, read as the statistics role (docs/statistics.md). */
@ApiTags('statistics')
@Controller('stats')
@GlobalAccess('stats.read')
export class StatisticsController {
  constructor(
    private readonly completion: CompletionStatisticsService,
    private readonly trend: CompletionTrendService,
    private readonly options: StatisticsOptionsService,
    private readonly coverage: CoverageStatisticsService,
    private readonly forecast: CompletionForecastService,
  ) {}

  @Get('completion')
  @ApiOperation({
    summary:
      'Providers per derived status, share at Standards Met or above and median mandatory items completed, by group, beside last cycle at the same days before its deadline',
  })
  completionStatistics(@Query() query: CompletionQueryDto): Promise<CompletionStatistics> {
    return this.completion.programme(query);
  }

  @Get('trend')
  @ApiOperation({
    summary: "The cycle's daily snapshots and the previous cycle's, to line up by days before the deadline",
  })
  completionTrend(@Query() query: StatsFiltersDto): Promise<CompletionTrend> {
    return this.trend.programme(query);
  }

  @Get('coverage')
  @ApiOperation({
    summary:
      'Coverage of the CQC register by region or LSP: registered adult social care locations, the share in an LSP caseload and the share published per the DSPT list',
  })
  coverageStatistics(@Query() query: CoverageStatsQueryDto): Promise<CoverageStatistics> {
    return this.coverage.programme(query.groupBy ?? 'region');
  }

  @Get('forecast')
  @ApiOperation({
    summary:
      'The share expected at Standards Met or above by the deadline at the current pace, shaped by last cycle, with a band, by region or LSP',
  })
  completionForecast(@Query() query: ForecastQueryDto): Promise<CompletionForecast> {
    return this.forecast.programme(query);
  }

  @Get('options')
  @ApiOperation({ summary: 'Cycles, LSPs and local authorities to filter statistics by' })
  statisticsOptions(): Promise<StatisticsOptions> {
    return this.options.programme();
  }
}
