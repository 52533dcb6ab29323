export * from './auth';
export * from './users';
export * from './tenants';
export * from './queue-dashboard';
