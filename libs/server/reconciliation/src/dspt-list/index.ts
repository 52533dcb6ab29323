export * from './dspt-list-importer';
export * from './dspt-list.module';
export * from './dspt-list-worker.module';
