import { httpResource } from '@angular/common/http';
import { Injectable, type Signal } from '@angular/core';
import type {
  CompletionForecast,
  CompletionStatistics,
  CompletionTrend,
  CoverageStatistics,
  LspCompletionStatistics,
  ForecastGrouping,
  StatisticsOptions,
  StatsGrouping,
} from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { type StatisticsQuery, statisticsApiParams } from './statistics-query';

/** Whose statistics a page shows: the programme's (every LSP) or one LSP's own. */
export type StatisticsScope = { kind: 'programme' } | { kind: 'lsp'; slug: string };

function root(scope: StatisticsScope): string {
  return scope.kind === 'programme' ? '/api/stats' : `${lspApiPath(scope.slug)}/stats`;
}

/**
 * The statistics calls (docs/statistics.md). Call the methods in an injection context (a component's
 * field initialisers); the resources reload when their signals change. A `null` grouping asks nothing.
 */
@Injectable({ providedIn: 'root' })
export class StatisticsApi {
  optionsResource(scope: Signal<StatisticsScope>) {
    return httpResource<StatisticsOptions>(() => `${root(scope())}/options`);
  }

  completionResource(
    scope: Signal<StatisticsScope>,
    query: Signal<StatisticsQuery>,
    groupBy: Signal<StatsGrouping | null>,
  ) {
    return httpResource<CompletionStatistics | LspCompletionStatistics>(() => {
      const grouping = groupBy();
      return grouping
        ? { url: `${root(scope())}/completion`, params: statisticsApiParams(query(), { groupBy: grouping }) }
        : undefined;
    });
  }

  /** Programme leads only: coverage of the CQC register; nothing is asked for an LSP's own page. */
  coverageResource(scope: Signal<StatisticsScope>, groupBy: CoverageStatistics['groupBy']) {
    return httpResource<CoverageStatistics>(() =>
      scope().kind === 'programme' ? { url: '/api/stats/coverage', params: { groupBy } } : undefined,
    );
  }

  trendResource(scope: Signal<StatisticsScope>, query: Signal<StatisticsQuery>) {
    return httpResource<CompletionTrend>(() => ({
      url: `${root(scope())}/trend`,
      params: statisticsApiParams(query()),
    }));
  }

  /** The forecast to the deadline (programme leads only): nothing is asked on an LSP's page. */
  forecastResource(scope: Signal<StatisticsScope>, groupBy: ForecastGrouping) {
    return httpResource<CompletionForecast>(() =>
      scope().kind === 'programme' ? { url: '/api/stats/forecast', params: { groupBy } } : undefined,
    );
  }
}
