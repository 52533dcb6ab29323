import { Module } from '@nestjs/common';
import { CompletionStatisticsService } from './completion-statistics.service';
import { CompletionTrendService } from './completion-trend.service';
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
    StatisticsOptionsService,
  ],
})
export class StatisticsModule {}
