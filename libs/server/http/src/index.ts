export * from './lib/access-rules';
export * from './lib/api-exception.filter';
export * from './lib/configure-http-app';
export * from './lib/retry-later.exception';
export * from './lib/uuid-param';
export * from './lib/validation.pipe';
export * from './lib/web-hosting.module';
