import { redisOptionsFromUrl } from './redis-connection';

describe('redisOptionsFromUrl', () => {
  it('reads host, port, credentials and database', () => {
    expect(redisOptionsFromUrl('redis://user:p%40ss@cache.internal:6380/2', 'client')).toMatchObject({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: undefined,
    });
  });

  it('uses TLS for rediss:// and defaults the port', () => {
    expect(redisOptionsFromUrl('rediss://cache.internal', 'client')).toMatchObject({ port: 6379, db: 0, tls: {} });
  });

  it('lets queue connections block (BullMQ) but makes plain clients fail fast', () => {
    expect(redisOptionsFromUrl('redis://localhost', 'queue').maxRetriesPerRequest).toBeNull();
    expect(redisOptionsFromUrl('redis://localhost', 'client')).toMatchObject({
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
  });
});
