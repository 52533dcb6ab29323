import type { ParamMap, Params } from '@angular/router';
import { AUDIT_ACTIONS, type AuditAction } from '@dspt/contracts';
import { isOneOf } from '@dspt/domain';
import { lspApiPath } from '@dspt/web/core';
import { isRealDay } from '@dspt/web/ui';

/** Events on a page of the audit trail. */
export const AUDIT_TRAIL_PAGE_SIZE = 50;

/** What the admin searches by; '' or null is "any". Days are YYYY-MM-DD, both ends included. */
export interface AuditTrailFilters {
  from: string;
  to: string;
  actor: string;
  action: AuditAction | null;
  providerId: string | null;
}

/** The audit trail's state as the address's query string holds it, so a search can be shared and Back undoes it. */
export interface AuditTrailQuery extends AuditTrailFilters {
  page: number;
}

export const NO_AUDIT_FILTERS: AuditTrailFilters = { from: '', to: '', actor: '', action: null, providerId: null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ACTOR_MAX_LENGTH = 254;

/** Reads the search from the query string, leaving out anything the API would refuse (the trail still shows). */
export function auditTrailQueryFrom(params: ParamMap): AuditTrailQuery {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isRealDay(value) ? value : '';
  };
  const action = params.get('action');
  const providerId = params.get('providerId');
  const page = Number(params.get('page'));
  return {
    from: day('from'),
    to: day('to'),
    actor: (params.get('actor') ?? '').trim().slice(0, ACTOR_MAX_LENGTH),
    action: isOneOf(AUDIT_ACTIONS, action) ? action : null,
    providerId: providerId && UUID.test(providerId) ? providerId.toLowerCase() : null,
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string for a search: only what is set, so addresses stay short. */
export function auditTrailQueryParams(query: AuditTrailQuery): Params {
  const params: Params = {};
  const entries: [string, string | number | null][] = [
    ['from', query.from],
    ['to', query.to],
    ['actor', query.actor.trim()],
    ['action', query.action],
    ['providerId', query.providerId],
    ['page', query.page > 1 ? query.page : null],
  ];
  for (const [name, value] of entries) {
    if (value !== null && value !== '') {
      params[name] = value;
    }
  }
  return params;
}

/** The API's parameters for a search (the page size every time). */
export function auditTrailApiParams(query: AuditTrailQuery): Record<string, string | number> {
  return { ...auditTrailQueryParams(query), page: query.page, pageSize: AUDIT_TRAIL_PAGE_SIZE };
}

/** The download of every event the search selects, every page: a plain GET with the session cookie. */
export function auditTrailExportUrl(slug: string, query: AuditTrailQuery, format: 'csv' | 'xlsx'): string {
  const { page: _page, ...filters } = auditTrailQueryParams(query);
  const params = new URLSearchParams(Object.entries(filters).map(([name, value]) => [name, String(value)]));
  params.set('format', format);
  return `${lspApiPath(slug)}/audit-events/export?${params.toString()}`;
}

/** A new search from the form, on its first page. */
export function auditFilteredBy(filters: AuditTrailFilters): AuditTrailQuery {
  return { ...filters, actor: filters.actor.trim(), page: 1 };
}

export function hasAuditFilters(query: AuditTrailFilters): boolean {
  return (Object.keys(NO_AUDIT_FILTERS) as (keyof AuditTrailFilters)[]).some(
    (key) => query[key] !== NO_AUDIT_FILTERS[key],
  );
}
