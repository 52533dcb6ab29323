import type { CurrentUser, MembershipSummary } from '@dspt/contracts';
import type { GlobalRole, TenantRole } from '@dspt/domain';

/** Test data: a membership of the LSP with this slug. */
export function membership(slug: string, role: TenantRole): MembershipSummary {
  const name = slug
    .split('-')
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join(' ');
  return { tenant: { id: `id-${slug}`, slug, name, region: 'North East' }, role };
}

/** Test data: a signed-in user. */
export function currentUser(
  memberships: MembershipSummary[] = [],
  roles: GlobalRole[] = [],
  overrides: Partial<CurrentUser['user']> = {},
): CurrentUser {
  return {
    user: { id: 'user-1', email: 'jo@example.org', displayName: 'Jo Bloggs', mfaEnrolled: true, ...overrides },
    memberships,
    roles,
  };
}
