export * from './lib/api/api-problem';
export * from './lib/health/component-health';
export * from './lib/health/health-component-labels';
export * from './lib/health/health.service';
export * from './lib/health/portal-health';
export * from './lib/roles/tenant-role-labels';
export * from './lib/title/portal-title-strategy';
