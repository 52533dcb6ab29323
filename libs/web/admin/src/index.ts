export * from './lib/lsp-users/lsp-users-page';
export * from './lib/programme-leads/programme-leads-page';
export * from './lib/tenants/tenants-page';
