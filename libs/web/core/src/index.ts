export * from './lib/health/component-health';
export * from './lib/health/health-component-labels';
export * from './lib/health/health.service';
export * from './lib/health/portal-health';
