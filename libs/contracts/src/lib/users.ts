import type { TenantRole } from './roles';

/** One person in an LSP: `GET /api/tenants/{slug}/users`. */
export interface TenantMember {
  userId: string;
  email: string;
  displayName: string;
  role: TenantRole;
  mfaEnrolled: boolean;
  joinedAt: string;
}

export interface TenantMemberList {
  items: TenantMember[];
}

/** `PATCH /api/tenants/{slug}/users/{userId}`. */
export interface ChangeRoleRequest {
  role: TenantRole;
}

/** `POST /api/tenants/{slug}/invitations`. */
export interface InviteUserRequest {
  email: string;
  role: TenantRole;
}

export interface Invitation {
  id: string;
  email: string;
  role: TenantRole | null;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface InvitationList {
  items: Invitation[];
}

/**
 * The invitation link is `/invitations/accept?token=...` (plus `&lsp={slug}` for an LSP invitation).
 * `POST /api/invitations/preview` shows what the link is for before the invitee sets a password.
 */
export interface InvitationTokenRequest {
  token: string;
  /** The LSP's slug; absent for a programme-lead invitation. */
  lsp?: string;
}

export interface InvitationPreview {
  email: string;
  /** The LSP's name, or null for a programme-lead invitation. */
  tenantName: string | null;
  role: string;
  expiresAt: string;
}

/** `POST /api/invitations/accept`: creates the account and signs in (answers a `LoginResponse`). */
export interface AcceptInvitationRequest extends InvitationTokenRequest {
  displayName: string;
  password: string;
}

/** `GET/POST /api/admin/programme-leads` (system admin). A new lead gets an invitation email. */
export interface ProgrammeLead {
  userId: string | null;
  email: string;
  displayName: string | null;
  invitationPending: boolean;
}

export interface ProgrammeLeadList {
  items: ProgrammeLead[];
}

export interface InviteProgrammeLeadRequest {
  email: string;
}

/** `GET /api/tenants/{slug}/audit-events` (LSP admin). */
export interface AuditEventView {
  id: string;
  occurredAt: string;
  action: string;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** `GET /api/tenants/{slug}/audit-events`: one page of the LSP's trail, newest first, and how many match. */
export interface AuditEventList {
  items: AuditEventView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Someone providers and tasks can be assigned to: an adviser or admin of the LSP. */
export interface AssignableAdviser {
  userId: string;
  displayName: string;
  role: TenantRole;
}

/** `GET /api/tenants/{slug}/advisers` (anyone in the LSP). */
export interface AssignableAdviserList {
  items: AssignableAdviser[];
}
