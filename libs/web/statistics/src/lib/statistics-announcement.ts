import { SERVICE_TYPE_LABELS, SIZE_BAND_LABELS } from '@dspt/web/core';
import type { StatisticsQuery } from './statistics-query';

/**
 * What the page's polite live region says once the figures for a choice of filters have loaded, so a
 * screen reader user hears that they changed (WCAG 4.1.3): "Showing 1,120 providers in North East,
 * 2025-26 cycle." `providers` is the total as the page shows it (small numbers stay hidden).
 */
export function statisticsAnnouncement(providers: string, query: StatisticsQuery, cycle: string): string {
  const chosen = [
    query.region ? `in ${query.region}` : null,
    query.localAuthority ? `in ${query.localAuthority}` : null,
    query.tenant ? `of the LSP ${query.tenant}` : null,
    query.serviceType ? `of type ${SERVICE_TYPE_LABELS[query.serviceType].toLowerCase()}` : null,
    query.sizeBand ? `of size ${SIZE_BAND_LABELS[query.sizeBand].toLowerCase()}` : null,
  ].filter((part): part is string => part !== null);
  return `Showing ${providers} providers${chosen.length > 0 ? ` ${chosen.join(', ')}` : ''}, ${cycle} cycle.`;
}
