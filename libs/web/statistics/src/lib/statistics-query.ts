import type { Params } from '@angular/router';
import type { StatsFilters } from '@dspt/contracts';
import {
  ENGLISH_REGIONS,
  type EnglishRegion,
  isOneOf,
  SERVICE_TYPES,
  type ServiceType,
  SIZE_BANDS,
  type SizeBand,
} from '@dspt/domain';

/** The breakdowns offered as a table besides the charts. */
export const BREAKDOWNS = ['serviceType', 'sizeBand', 'localAuthority'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

/** What a statistics page shows, all of it held in the address so a view can be shared. */
export interface StatisticsQuery extends StatsFilters {
  /** A cycle code; none: the current cycle. */
  cycle?: string;
  breakdown: Breakdown;
}

export const DEFAULT_BREAKDOWN: Breakdown = 'serviceType';

const TEXT_LIMIT = 100;
const text = (value: string | null): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.slice(0, TEXT_LIMIT) : undefined;
};

/** Reads the address's query parameters; values that are not allowed are dropped, never sent on. */
export function statisticsQueryFrom(params: { get(name: string): string | null }): StatisticsQuery {
  const cycle = params.get('cycle');
  const region = params.get('region');
  const serviceType = params.get('serviceType');
  const sizeBand = params.get('sizeBand');
  const tenant = params.get('tenant');
  const breakdown = params.get('breakdown');
  return {
    cycle: cycle && /^\d{4}-\d{2}$/.test(cycle) ? cycle : undefined,
    region: isOneOf<EnglishRegion>(ENGLISH_REGIONS, region) ? region : undefined,
    tenant: tenant && /^[a-z0-9-]{1,100}$/.test(tenant) ? tenant : undefined,
    serviceType: isOneOf<ServiceType>(SERVICE_TYPES, serviceType) ? serviceType : undefined,
    sizeBand: isOneOf<SizeBand>(SIZE_BANDS, sizeBand) ? sizeBand : undefined,
    localAuthority: text(params.get('localAuthority')),
    breakdown: isOneOf<Breakdown>(BREAKDOWNS, breakdown) ? breakdown : DEFAULT_BREAKDOWN,
  };
}

/** The address's query parameters for a query: only what differs from the defaults. */
export function statisticsQueryParams(query: StatisticsQuery): Params {
  const params: Params = {};
  for (const key of ['cycle', 'region', 'tenant', 'serviceType', 'sizeBand', 'localAuthority'] as const) {
    if (query[key]) {
      params[key] = query[key];
    }
  }
  if (query.breakdown !== DEFAULT_BREAKDOWN) {
    params['breakdown'] = query.breakdown;
  }
  return params;
}

/** The API's parameters: the cycle and the filters (without the page's own breakdown). */
export function statisticsApiParams(
  query: StatisticsQuery,
  extra: Record<string, string> = {},
): Record<string, string> {
  const { breakdown: _breakdown, ...rest } = statisticsQueryParams(query);
  return { ...rest, ...extra };
}

export function hasFilters(query: StatisticsQuery): boolean {
  return !!(query.region || query.tenant || query.serviceType || query.sizeBand || query.localAuthority);
}
