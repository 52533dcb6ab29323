export * from './lib/import-progress.store';
export * from './lib/provider-imports.module';
