export * from './lib/api-client';
export * from './lib/child-process';
export * from './lib/fixtures';
export * from './lib/integration-env';
export * from './lib/test-database';
export * from './lib/test-smtp-server';
export * from './lib/ods-codes';
export * from './lib/replicas';
export * from './lib/cqc-register-files';
// Archive builders live beside the spreadsheet reader, whose own tests use them.
export * from '@dspt/server/platform/testing';
