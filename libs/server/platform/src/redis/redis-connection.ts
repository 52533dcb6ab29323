/** The connection settings both ioredis and BullMQ accept. */
export interface RedisConnectionSettings {
  host: string;
  port: number;
  username?: string;
  password?: string;
  db: number;
  tls?: Record<string, never>;
  connectTimeout: number;
  maxRetriesPerRequest: number | null;
  enableOfflineQueue?: boolean;
  retryStrategy: (attempt: number) => number;
}

/**
 * ioredis options from a redis:// or rediss:// URL. BullMQ needs `maxRetriesPerRequest: null` on its
 * blocking connections; plain clients fail fast instead so health checks and requests never hang.
 */
export function redisOptionsFromUrl(url: string, purpose: 'queue' | 'client'): RedisConnectionSettings {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: 5_000,
    ...(purpose === 'queue' ? { maxRetriesPerRequest: null } : { maxRetriesPerRequest: 1, enableOfflineQueue: false }),
    retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
  };
}
