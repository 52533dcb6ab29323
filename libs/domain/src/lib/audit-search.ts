/** The most audit events one download holds; a wider search is asked to be narrowed, not cut short. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

export interface AuditSearchProblem {
  field: 'to' | 'format';
  message: string;
}

/**
 * What is wrong with an audit search that each field alone cannot say: a period that ends before it
 * starts (days as YYYY-MM-DD, both included), or a download of more events than one file holds.
 */
export function auditSearchProblem(search: {
  from?: string;
  to?: string;
  matching?: number;
}): AuditSearchProblem | null {
  if (search.from && search.to && search.to < search.from) {
    return { field: 'to', message: 'to must be the same day as from or later' };
  }
  if (search.matching !== undefined && search.matching > AUDIT_EXPORT_MAX_ROWS) {
    return {
      field: 'format',
      message: `${search.matching} events match; a download holds at most ${AUDIT_EXPORT_MAX_ROWS}, so narrow the dates or filters`,
    };
  }
  return null;
}
