export * from './lib/api-error';
export * from './lib/auth';
export * from './lib/health';
export * from './lib/roles';
export * from './lib/system';
export * from './lib/tenants';
export * from './lib/users';
