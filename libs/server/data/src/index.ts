export * from './database';
export * from './tenancy';
export * from './audit';
