import { globalRoleGrants, TENANT_PERMISSIONS, type TenantPermission, tenantRoleGrants } from './access-control';

describe('tenantRoleGrants', () => {
  it.each<[TenantPermission, boolean, boolean, boolean]>([
    // permission,           viewer, adviser, admin
    ['caseload.read', true, true, true],
    ['caseload.write', false, true, true],
    ['lsp.users.manage', false, false, true],
    ['lsp.settings.manage', false, false, true],
    ['lsp.privacy.manage', false, false, true],
    ['lsp.transfers.manage', false, false, true],
  ])('%s: viewer %s, adviser %s, admin %s', (permission, viewer, adviser, admin) => {
    expect(tenantRoleGrants('viewer', permission)).toBe(viewer);
    expect(tenantRoleGrants('adviser', permission)).toBe(adviser);
    expect(tenantRoleGrants('admin', permission)).toBe(admin);
  });

  it('covers every tenant permission in the table above', () => {
    expect(Object.keys(TENANT_PERMISSIONS).sort()).toEqual(
      [
        'caseload.read',
        'caseload.write',
        'lsp.privacy.manage',
        'lsp.settings.manage',
        'lsp.transfers.manage',
        'lsp.users.manage',
      ].sort(),
    );
  });
});

describe('globalRoleGrants', () => {
  it('gives statistics to programme leads only', () => {
    expect(globalRoleGrants('programme_lead', 'stats.read')).toBe(true);
    expect(globalRoleGrants('system_admin', 'stats.read')).toBe(false);
    expect(globalRoleGrants(null, 'stats.read')).toBe(false);
  });

  it('gives tenant and programme-lead management to system admins only', () => {
    for (const permission of [
      'tenants.manage',
      'programme-leads.manage',
      'cycles.manage',
      'providers.transfer',
      'accounts.manage',
      'system.operate',
    ] as const) {
      expect(globalRoleGrants('system_admin', permission)).toBe(true);
      expect(globalRoleGrants('programme_lead', permission)).toBe(false);
    }
  });

  it('lets both programme-wide roles list every LSP', () => {
    expect(globalRoleGrants('programme_lead', 'tenants.list-all')).toBe(true);
    expect(globalRoleGrants('system_admin', 'tenants.list-all')).toBe(true);
    expect(globalRoleGrants(null, 'tenants.list-all')).toBe(false);
  });
});
