export * from './lib/redis-connection';
export * from './lib/redis.module';
export * from './lib/redis.tokens';
export * from './lib/redis-ready';
