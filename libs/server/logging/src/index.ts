export * from './lib/log-redaction';
export * from './lib/logging.module';
export * from './lib/request-id';
