import type { CurrentUser, MembershipSummary } from '@dspt/contracts';
import { type GlobalRole, TENANT_ROLES, type TenantRole } from '@dspt/domain';

/** The user's membership of the LSP with this slug, if they have one. */
export function membershipOf(user: CurrentUser, slug: string | null | undefined): MembershipSummary | undefined {
  return slug ? user.memberships.find((membership) => membership.tenant.slug === slug) : undefined;
}

/** True when the user is a member of the LSP with at least the given role (roles are ordered in the domain). */
export function hasTenantRole(user: CurrentUser, slug: string | null | undefined, minimum: TenantRole): boolean {
  const membership = membershipOf(user, slug);
  return membership !== undefined && TENANT_ROLES.indexOf(membership.role) >= TENANT_ROLES.indexOf(minimum);
}

export function hasGlobalRole(user: CurrentUser, ...roles: readonly GlobalRole[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

/**
 * Where "/" takes a signed-in user: their LSP (the last one they used, else the first), else the
 * programme lead's statistics, else the system admin's "Manage portal" hub.
 */
export function homePathFor(user: CurrentUser, lastUsedSlug: string | null): string {
  const lsp = membershipOf(user, lastUsedSlug) ?? user.memberships[0];
  if (lsp) {
    return `/lsp/${lsp.tenant.slug}`;
  }
  if (hasGlobalRole(user, 'programme_lead')) {
    return '/statistics';
  }
  if (hasGlobalRole(user, 'system_admin')) {
    return '/admin';
  }
  return '/access-denied';
}
