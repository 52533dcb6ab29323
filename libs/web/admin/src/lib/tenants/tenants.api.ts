import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, type Signal, inject } from '@angular/core';
import type {
  CreateTenantRequest,
  Invitation,
  InviteTenantAdminRequest,
  TenantDetail,
  TenantList,
  TenantSummary,
} from '@dspt/contracts';
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

  /** One LSP with its team's size, reloading when `slug` changes. Call in an injection context. */
  tenantResource(slug: Signal<string>) {
    return httpResource<TenantDetail>(() => `/api/admin/tenants/${encodeURIComponent(slug())}`);
  }

  /** Invites an admin of the LSP: 409 when they already belong to it, 400 naming a bad address. */
  inviteAdmin(slug: string, email: string): Promise<Invitation> {
    const request: InviteTenantAdminRequest = { email };
    return firstValueFrom(
      this.http.post<Invitation>(`/api/admin/tenants/${encodeURIComponent(slug)}/invitations`, request),
    );
  }
}
