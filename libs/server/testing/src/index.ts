export * from './lib/api-client';
export * from './lib/child-process';
export * from './lib/fixtures';
export * from './lib/integration-env';
export * from './lib/test-database';
export * from './lib/test-smtp-server';
