import type { TenantRole } from '@dspt/domain';

/** How each LSP role is named to users, and what it lets them do. */
export const TENANT_ROLE_LABELS: Readonly<Record<TenantRole, string>> = {
  viewer: 'Viewer',
  adviser: 'Adviser',
  admin: 'Admin',
};

export const TENANT_ROLE_HINTS: Readonly<Record<TenantRole, string>> = {
  viewer: "Can see the LSP's providers, progress and notes, but cannot change them",
  adviser: 'Can update providers, progress, case notes and tasks, and send guidance emails',
  admin: "Everything an adviser can do, and can invite and remove users and change the LSP's settings",
};
