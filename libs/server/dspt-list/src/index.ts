export * from './lib/dspt-list-importer';
export * from './lib/dspt-list.module';
export * from './lib/dspt-list-worker.module';
