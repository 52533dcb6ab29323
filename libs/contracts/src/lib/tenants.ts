import type { TenantSummary } from './auth';

/** `GET /api/tenants`: every LSP for system admins and programme leads, the user's own LSPs for others. */
export interface TenantList {
  items: TenantSummary[];
}

/** `POST /api/tenants` (system admin). With `adminEmail`, the LSP's first admin is invited by email. */
export interface CreateTenantRequest {
  slug: string;
  name: string;
  region: string;
  adminEmail?: string;
}
