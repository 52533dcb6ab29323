import type { CompletionTrend, LspCompletionStatistics, StatisticsOptions } from '@dspt/contracts';
import { TenantAccess } from '@dspt/server/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CompletionStatisticsService } from './completion-statistics.service';
import { CompletionTrendService } from './completion-trend.service';
import { StatisticsOptionsService } from './statistics-options.service';
import { LspCompletionQueryDto, LspStatsFiltersDto } from './statistics-query.dto';

/** An LSP's own dashboard: its aggregates (row-level security), with the whole country's total beside them. */
@ApiTags('statistics')
@Controller('tenants/:tenantSlug/stats')
export class LspStatisticsController {
  constructor(
    private readonly completion: CompletionStatisticsService,
    private readonly trend: CompletionTrendService,
    private readonly options: StatisticsOptionsService,
  ) {}

  @Get('completion')
  @TenantAccess('caseload.read')
  @ApiOperation({
    summary:
      "The LSP's completion statistics by group, with England's total and last cycle at the same days before its deadline",
  })
  lspCompletionStatistics(@Query() query: LspCompletionQueryDto): Promise<LspCompletionStatistics> {
    return this.completion.lsp(query);
  }

  @Get('trend')
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "The LSP's daily snapshots for the cycle and the previous one" })
  lspCompletionTrend(@Query() query: LspStatsFiltersDto): Promise<CompletionTrend> {
    return this.trend.lsp(query);
  }

  @Get('options')
  @TenantAccess('caseload.read')
  @ApiOperation({ summary: "Cycles and the LSP's local authorities to filter its statistics by" })
  lspStatisticsOptions(): Promise<StatisticsOptions> {
    return this.options.lsp();
  }
}
