import { Module } from '@nestjs/common';
import { CompletionForecastService } from './completion-forecast.service';
import { CompletionStatisticsService } from './completion-statistics.service';
import { CompletionTrendService } from './completion-trend.service';
import { CoverageStatisticsService } from './coverage-statistics.service';
import { FiguresCache } from './figures-cache';
import { LspStatisticsController } from './lsp-statistics.controller';
import { StatisticsOptionsService } from './statistics-options.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsChanges } from './statistics-changes';
import { StatsDatabase } from './stats-database';
import { StatsReferenceData } from './stats-reference';

/** Api side: completion statistics for programme leads and each LSP's own dashboard. */
@Module({
  controllers: [StatisticsController, LspStatisticsController],
  providers: [
    StatsDatabase,
    StatisticsChanges,
    FiguresCache,
    StatsReferenceData,
    CompletionStatisticsService,
    CompletionTrendService,
    CompletionForecastService,
    StatisticsOptionsService,
    CoverageStatisticsService,
  ],
})
export class StatisticsModule {}
