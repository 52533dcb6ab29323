import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateTenantRequest, TenantList, TenantSummary } from '@dspt/contracts';
import { firstValueFrom } from 'rxjs';

/** A system admin's calls on LSPs (tenants). */
@Injectable({ providedIn: 'root' })
export class TenantsApi {
  private readonly http = inject(HttpClient);

  /** Every LSP, for a system admin. Call in an injection context. */
  tenantsResource() {
    return httpResource<TenantList>(() => '/api/tenants');
  }

  /** 409 when the slug is taken; 400 with details for bad fields. */
  create(request: CreateTenantRequest): Promise<TenantSummary> {
    return firstValueFrom(this.http.post<TenantSummary>('/api/tenants', request));
  }
}
