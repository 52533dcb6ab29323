import { inject } from '@angular/core';
import type { ResolveFn } from '@angular/router';
import { AuthService, membershipOf } from '@dspt/web/auth';

/** Page title for `/lsp/:slug`: the LSP's name (the route's guard has already checked the membership). */
export const lspTitle: ResolveFn<string> = async (route) => {
  const user = await inject(AuthService).load();
  return (user && membershipOf(user, route.paramMap.get('slug'))?.tenant.name) || 'LSP';
};
