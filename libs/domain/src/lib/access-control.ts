/**
 * Who may do what (DESIGN.md §1). Routes declare the permission they need; guards look it up here, so this
 * table is the whole access policy in one place.
 */

/** Roles inside one LSP (a membership). Each role has every right of the roles before it. */
export const TENANT_ROLES = ['viewer', 'adviser', 'admin'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Programme-wide roles, held on the user rather than on a membership. */
export const GLOBAL_ROLES = ['programme_lead', 'system_admin'] as const;
export type GlobalRole = (typeof GLOBAL_ROLES)[number];

/** Rights inside one LSP, checked against the user's membership of the LSP named in the URL. */
export const TENANT_PERMISSIONS = {
  /** Read the LSP's caseload, providers, notes and tasks. */
  'caseload.read': 'viewer',
  /** Change providers, progress, notes, tasks, publications; send guidance. */
  'caseload.write': 'adviser',
  /** Invite and remove the LSP's users, change their roles, read its audit trail. */
  'lsp.users.manage': 'admin',
  /** Edit the LSP's email templates and reminder cadence. */
  'lsp.settings.manage': 'admin',
  /** Answer people's UK GDPR requests: erase a contact or a provider, export what is held on an address. */
  'lsp.privacy.manage': 'admin',
  /** Offer a provider that moved area to another LSP, cancel the offer, accept or decline one made to this LSP. */
  'lsp.transfers.manage': 'admin',
} as const satisfies Record<string, TenantRole>;
export type TenantPermission = keyof typeof TENANT_PERMISSIONS;

/** Programme-wide rights, checked against the user's global role. */
export const GLOBAL_PERMISSIONS = {
  /** Regional and national completion statistics (aggregates only). */
  'stats.read': ['programme_lead'],
  /** See every LSP in the tenant list. */
  'tenants.list-all': ['programme_lead', 'system_admin'],
  /** Create LSP tenants and invite their first admin. */
  'tenants.manage': ['system_admin'],
  /** Invite programme leads. */
  'programme-leads.manage': ['system_admin'],
  /** Create assessment cycles and import their question sets. */
  'cycles.manage': ['system_admin'],
  /** Move a provider, with its history, to another LSP (it moved area). */
  'providers.transfer': ['system_admin'],
  /** Change the default wording of email templates (LSPs keep their own). */
  'email-templates.manage': ['system_admin'],
  /** Account-wide changes no single LSP may make: resetting the MFA of someone who belongs to several LSPs. */
  'accounts.manage': ['system_admin'],
  /** Import the DSPT's organisation status list (and see its scheduled fetches). */
  'dspt-list.manage': ['system_admin'],
  /** Upload the CQC register of active locations (public data every LSP's coverage is measured against). */
  'cqc-register.manage': ['system_admin'],
  /** Queue health and on-demand system jobs (the reminder planner, the queue dashboard). */
  'system.operate': ['system_admin'],
} as const satisfies Record<string, readonly GlobalRole[]>;
export type GlobalPermission = keyof typeof GLOBAL_PERMISSIONS;

export function isTenantRole(value: unknown): value is TenantRole {
  return typeof value === 'string' && (TENANT_ROLES as readonly string[]).includes(value);
}

export function tenantRoleGrants(role: TenantRole, permission: TenantPermission): boolean {
  return TENANT_ROLES.indexOf(role) >= TENANT_ROLES.indexOf(TENANT_PERMISSIONS[permission]);
}

export function globalRoleGrants(role: GlobalRole | null, permission: GlobalPermission): boolean {
  return role !== null && (GLOBAL_PERMISSIONS[permission] as readonly GlobalRole[]).includes(role);
}
