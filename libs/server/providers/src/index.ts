export * from './lib/provider-checks';
export * from './lib/provider-reader';
export * from './lib/providers.module';
export * from './lib/providers.service';
