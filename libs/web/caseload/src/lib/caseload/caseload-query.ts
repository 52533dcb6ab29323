import type { ParamMap, Params } from '@angular/router';
import { CASELOAD_SORTS, CASELOAD_VIEWS, type CaseloadSort, type CaseloadView, SORT_DIRECTIONS, type SortDirection } from '@dspt/contracts';
import { ENGLISH_REGIONS, type EnglishRegion, PROVIDER_STATUSES, type ProviderStatus, SERVICE_TYPES, type ServiceType, isOneOf } from '@dspt/domain';

/** Rows on a page of the caseload. */
export const CASELOAD_PAGE_SIZE = 25;

/** The filters an adviser sets in the form; '' or null is "any". */
export interface CaseloadFilters {
  search: string;
  status: ProviderStatus | null;
  /** A user id, or `none` for providers nobody is assigned to. */
  adviser: string | null;
  region: EnglishRegion | null;
  serviceType: ServiceType | null;
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

/** Which way each sort reads unless reversed, as the API orders it: most urgent, A to Z, least complete, longest without contact. */
export const NATURAL_DIRECTION: Readonly<Record<CaseloadSort, SortDirection>> = {
  priority: 'desc',
  name: 'asc',
  progress: 'asc',
  lastContact: 'asc',
};

export const NO_FILTERS: CaseloadFilters = { search: '', status: null, adviser: null, region: null, serviceType: null };

export const DEFAULT_CASELOAD_QUERY: CaseloadQuery = {
  ...NO_FILTERS,
  view: null,
  sort: 'priority',
  direction: NATURAL_DIRECTION.priority,
  page: 1,
};

const ADVISER = /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const SEARCH_MAX_LENGTH = 100;

/**
 * Reads the caseload's state from the query string. Anything the API would refuse (an unknown status,
 * page 0, a typo in a shared link) is left out rather than shown as an error: the list still shows.
 */
export function caseloadQueryFrom(params: ParamMap): CaseloadQuery {
  const one = <T extends string>(name: string, values: readonly T[]): T | null => {
    const value = params.get(name);
    return isOneOf(values, value) ? value : null;
  };
  const sort = one('sort', CASELOAD_SORTS) ?? DEFAULT_CASELOAD_QUERY.sort;
  const adviser = params.get('adviser');
  const page = Number(params.get('page'));
  return {
    search: (params.get('search') ?? '').trim().slice(0, SEARCH_MAX_LENGTH),
    status: one('status', PROVIDER_STATUSES),
    adviser: adviser && ADVISER.test(adviser) ? adviser.toLowerCase() : null,
    region: one('region', ENGLISH_REGIONS),
    serviceType: one('serviceType', SERVICE_TYPES),
    view: one('view', CASELOAD_VIEWS),
    sort,
    direction: one('direction', SORT_DIRECTIONS) ?? NATURAL_DIRECTION[sort],
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
  set('direction', query.direction === NATURAL_DIRECTION[query.sort] ? null : query.direction);
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
    pageSize: CASELOAD_PAGE_SIZE,
  };
}

/**
 * Sorting by a column: the column already sorted turns round; another starts in its natural order.
 * Either way the list goes back to its first page.
 */
export function sortedBy(query: CaseloadQuery, sort: CaseloadSort): CaseloadQuery {
  const direction: SortDirection =
    query.sort === sort ? (query.direction === 'asc' ? 'desc' : 'asc') : NATURAL_DIRECTION[sort];
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
