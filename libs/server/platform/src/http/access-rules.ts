import type { GlobalPermission, TenantPermission } from '@dspt/domain';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiCookieAuth, ApiExtension, ApiParam } from '@nestjs/swagger';
import { ApiProblem } from './openapi-document';

/**
 * Every route declares who may call it; the access guard refuses routes that declare nothing. The rule
 * is also published in the OpenAPI document (`x-access`), which the isolation tests read.
 */
export type AccessRule =
  | { kind: 'public' }
  /** Any session, even one still waiting for its second factor (the MFA endpoints themselves). */
  | { kind: 'session' }
  | { kind: 'signed-in' }
  /** `orGlobal`: a programme-wide role granting it acts in any LSP as if it were the LSP's admin. */
  | { kind: 'tenant'; permission: TenantPermission; orGlobal?: GlobalPermission }
  | { kind: 'global'; permission: GlobalPermission };

export const ACCESS_RULE = 'dspt:access-rule';
export const TENANT_SLUG_PARAM = 'tenantSlug';

function declare(rule: AccessRule, ...more: Array<ClassDecorator & MethodDecorator>) {
  return applyDecorators(SetMetadata(ACCESS_RULE, rule), ApiExtension('x-access', rule), ...more);
}

function signedInDocs() {
  return [ApiCookieAuth('session'), ApiProblem(401)];
}

/** No session needed (health, sign-in, invitation links); the OpenAPI document gives these `security: []`. */
export const Public = () => declare({ kind: 'public' });

export const AnySession = () => declare({ kind: 'session' }, ...signedInDocs());

export const SignedIn = () => declare({ kind: 'signed-in' }, ...signedInDocs());

/**
 * A route under `/api/tenants/{tenantSlug}/...`: the user needs a membership of that LSP whose role grants
 * `permission`. The LSP becomes the request's tenant: its queries see only its rows.
 */
export const TenantAccess = (permission: TenantPermission, options: { orGlobal?: GlobalPermission } = {}) =>
  declare(
    { kind: 'tenant', permission, ...options },
    ...signedInDocs(),
    ApiParam({ name: TENANT_SLUG_PARAM, description: "The LSP's slug" }),
    ApiProblem(403, `Needs a membership of the LSP granting ${permission}`),
  );

export const GlobalAccess = (permission: GlobalPermission) =>
  declare(
    { kind: 'global', permission },
    ...signedInDocs(),
    ApiProblem(403, `Needs a programme-wide role granting ${permission}`),
  );
