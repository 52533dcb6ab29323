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

/** `GET /api/admin/tenants/{slug}` (system admin): one LSP with the size of its team. */
export interface TenantDetail extends TenantSummary {
  /** People with any role in the LSP. */
  members: number;
  /** Of those, how many are admins: an LSP with none cannot add its own users. */
  admins: number;
  /** Invitations still waiting to be accepted, newest first. */
  pendingInvitations: Array<{ email: string; role: string; expiresAt: string }>;
}

/** `POST /api/admin/tenants/{slug}/invitations` (system admin): invite an admin of the LSP. */
export interface InviteTenantAdminRequest {
  email: string;
}
