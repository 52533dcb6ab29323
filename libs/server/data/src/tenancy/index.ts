export * from './request-context';
export * from './scoped-database';
export * from './tenancy.module';
