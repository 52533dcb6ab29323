export * from './lib/request-context';
export * from './lib/scoped-database';
export * from './lib/tenancy.module';
