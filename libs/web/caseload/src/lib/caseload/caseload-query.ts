import type { ParamMap, Params } from '@angular/router';
import {
  CASELOAD_ADVISER_FILTER,
  CASELOAD_CHOICES,
  CASELOAD_DEFAULT_PAGE_SIZE,
  CASELOAD_DEFAULT_SORT,
  CASELOAD_NATURAL_DIRECTION,
  CASELOAD_SEARCH_MAX_LENGTH,
  type CaseloadChoice,
  type CaseloadSort,
  type CaseloadView,
  type SortDirection,
} from '@dspt/contracts';
import { isOneOf } from '@dspt/domain';
import { lspApiPath } from '@dspt/web/core';

/** The filters an adviser sets in the form; '' or null is "any". */
export interface CaseloadFilters {
  search: string;
  status: CaseloadChoice<'status'> | null;
  /** A user id, or `none` for providers nobody is assigned to. */
  adviser: string | null;
  region: CaseloadChoice<'region'> | null;
  serviceType: CaseloadChoice<'serviceType'> | null;
}

/**
 * Everything that decides which caseload rows show, as the address's query string holds it, so a view
 * can be shared as a link and Back returns to the one before.
 */
export interface CaseloadQuery extends CaseloadFilters {
  view: CaseloadView | null;
  sort: CaseloadSort;
  direction: SortDirection;
  page: number;
}

export const NO_FILTERS: CaseloadFilters = { search: '', status: null, adviser: null, region: null, serviceType: null };

export const DEFAULT_CASELOAD_QUERY: CaseloadQuery = {
  ...NO_FILTERS,
  view: null,
  sort: CASELOAD_DEFAULT_SORT,
  direction: CASELOAD_NATURAL_DIRECTION[CASELOAD_DEFAULT_SORT],
  page: 1,
};

/**
 * Reads the caseload's state from the query string. Anything the API would refuse (an unknown status,
 * page 0, a typo in a shared link) is left out rather than shown as an error: the list still shows.
 */
export function caseloadQueryFrom(params: ParamMap): CaseloadQuery {
  const one = <T extends string>(name: string, values: readonly T[]): T | null => {
    const value = params.get(name);
    return isOneOf(values, value) ? value : null;
  };
  const sort = one('sort', CASELOAD_CHOICES.sort) ?? DEFAULT_CASELOAD_QUERY.sort;
  const adviser = params.get('adviser');
  const page = Number(params.get('page'));
  return {
    search: (params.get('search') ?? '').trim().slice(0, CASELOAD_SEARCH_MAX_LENGTH),
    status: one('status', CASELOAD_CHOICES.status),
    adviser: adviser && CASELOAD_ADVISER_FILTER.test(adviser) ? adviser.toLowerCase() : null,
    region: one('region', CASELOAD_CHOICES.region),
    serviceType: one('serviceType', CASELOAD_CHOICES.serviceType),
    view: one('view', CASELOAD_CHOICES.view),
    sort,
    direction: one('direction', CASELOAD_CHOICES.direction) ?? CASELOAD_NATURAL_DIRECTION[sort],
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string for a state: only what differs from the defaults, so addresses stay short. */
export function caseloadQueryParams(query: CaseloadQuery): Params {
  const params: Params = {};
  const set = (name: string, value: string | number | null) => {
    if (value !== null && value !== '') {
      params[name] = value;
    }
  };
  set('view', query.view);
  set('search', query.search.trim());
  set('status', query.status);
  set('adviser', query.adviser);
  set('region', query.region);
  set('serviceType', query.serviceType);
  set('sort', query.sort === DEFAULT_CASELOAD_QUERY.sort ? null : query.sort);
  set('direction', query.direction === CASELOAD_NATURAL_DIRECTION[query.sort] ? null : query.direction);
  set('page', query.page > 1 ? query.page : null);
  return params;
}

/** The API's parameters for a state (DESIGN.md §7 caseload contract). */
export function caseloadApiParams(query: CaseloadQuery): Record<string, string | number> {
  return {
    ...caseloadQueryParams(query),
    sort: query.sort,
    direction: query.direction,
    page: query.page,
    pageSize: CASELOAD_DEFAULT_PAGE_SIZE,
  };
}

/**
 * The caseload download's address for a state: the list's view, filters and sort, every page, as CSV or
 * XLSX (docs/imports-and-exports.md). A plain GET with the session cookie, so a link downloads it.
 */
export function caseloadExportUrl(slug: string, query: CaseloadQuery, format: 'csv' | 'xlsx'): string {
  const { page: _page, ...filters } = caseloadQueryParams(query);
  const params = new URLSearchParams(Object.entries(filters).map(([name, value]) => [name, String(value)]));
  params.set('sort', query.sort);
  params.set('direction', query.direction);
  params.set('format', format);
  return `${lspApiPath(slug)}/providers/export?${params.toString()}`;
}

/**
 * Sorting by a column: the column already sorted turns round; another starts in its natural order.
 * Either way the list goes back to its first page.
 */
export function sortedBy(query: CaseloadQuery, sort: CaseloadSort): CaseloadQuery {
  const direction: SortDirection =
    query.sort === sort ? (query.direction === 'asc' ? 'desc' : 'asc') : CASELOAD_NATURAL_DIRECTION[sort];
  return { ...query, sort, direction, page: 1 };
}

/** New filters from the form, on the first page; the view and sort stay. */
export function filteredBy(query: CaseloadQuery, filters: CaseloadFilters): CaseloadQuery {
  return { ...query, ...filters, search: filters.search.trim(), page: 1 };
}

/** A saved view ("My providers", "At risk") with the filters and sort as they are, on its first page. */
export function inView(query: CaseloadQuery, view: CaseloadView | null): CaseloadQuery {
  return { ...query, view, page: 1 };
}

export function hasFilters(query: CaseloadQuery): boolean {
  return (Object.keys(NO_FILTERS) as (keyof CaseloadFilters)[]).some((key) => query[key] !== NO_FILTERS[key]);
}
