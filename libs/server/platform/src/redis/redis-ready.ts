import type { Redis } from 'ioredis';

/**
 * Waits (up to `timeoutMs`) for a client to finish connecting. The shared client does not queue commands
 * while offline, so that requests fail fast when Redis is down; work that runs as a process starts (the
 * worker's first heartbeat, its start-up checks) waits for the connection instead of failing at once.
 * Answers whether the client is ready.
 */
export function redisReady(client: Redis, timeoutMs = 10_000): Promise<boolean> {
  if (client.status === 'ready') {
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    client.once('ready', onReady);
  });
}
