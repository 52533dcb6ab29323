export * from './import-progress.store';
export * from './provider-imports.module';
