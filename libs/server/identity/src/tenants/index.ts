export * from './tenants.module';
export * from './tenants.service';
