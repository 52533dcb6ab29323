import type { GlobalRole, TenantRole } from '@dspt/domain';
import { AsyncLocalStorage } from 'node:async_hooks';

export interface SignedInUser {
  id: string;
  email: string;
  globalRole: GlobalRole | null;
}

export interface TenantContext {
  id: string;
  slug: string;
  /** The signed-in user's role in this LSP. */
  role: TenantRole;
}

/**
 * What is known about the current request. The request-context middleware starts one per request; the
 * access guard fills in the user and, for `/api/tenants/{slug}/...` routes, the tenant.
 */
export interface RequestContext {
  ip: string | null;
  user?: SignedInUser;
  tenant?: TenantContext;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Thrown when tenant-scoped code runs with no tenant chosen: a bug, so it fails closed. */
export class TenantContextMissingError extends Error {
  override readonly name = 'TenantContextMissingError';
  constructor() {
    super('No tenant is set for this request: tenant-scoped data cannot be read');
  }
}

export function requireTenantContext(): TenantContext {
  const tenant = storage.getStore()?.tenant;
  if (!tenant) {
    throw new TenantContextMissingError();
  }
  return tenant;
}

export function requireSignedInUser(): SignedInUser {
  const user = storage.getStore()?.user;
  if (!user) {
    throw new Error('No signed-in user for this request');
  }
  return user;
}
