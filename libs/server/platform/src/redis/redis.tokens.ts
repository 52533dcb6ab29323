/** Injection token for the shared ioredis client used for heartbeats and health checks (not for BullMQ). */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
