export * from './lib/child-process';
export * from './lib/test-database';
export * from './lib/test-smtp-server';
export * from './lib/integration-env';
