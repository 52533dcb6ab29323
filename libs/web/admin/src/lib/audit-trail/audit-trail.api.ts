import { httpResource } from '@angular/common/http';
import { Injectable, type Signal } from '@angular/core';
import type { AuditEventList } from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { type AuditTrailQuery, auditTrailApiParams } from './audit-trail-query';

/** The LSP admin's audit trail search. Call in an injection context; it reloads when the search changes. */
@Injectable({ providedIn: 'root' })
export class AuditTrailApi {
  searchResource(slug: Signal<string>, query: Signal<AuditTrailQuery>) {
    return httpResource<AuditEventList>(() => ({
      url: `${lspApiPath(slug())}/audit-events`,
      params: auditTrailApiParams(query()),
    }));
  }
}
