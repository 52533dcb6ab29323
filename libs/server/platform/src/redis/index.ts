export * from './redis-connection';
export * from './redis.module';
export * from './redis.tokens';
export * from './redis-ready';
