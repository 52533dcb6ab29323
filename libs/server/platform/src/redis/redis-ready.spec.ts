import type { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
import { redisReady } from './redis-ready';

function client(status: string): Redis & EventEmitter {
  return Object.assign(new EventEmitter(), { status }) as unknown as Redis & EventEmitter;
}

describe('redisReady', () => {
  it('answers at once for a connected client', async () => {
    await expect(redisReady(client('ready'))).resolves.toBe(true);
  });

  it('waits for a connecting client to be ready', async () => {
    const connecting = client('connecting');
    const ready = redisReady(connecting);
    connecting.emit('ready');
    await expect(ready).resolves.toBe(true);
    expect(connecting.listenerCount('ready')).toBe(0);
  });

  it('gives up after the timeout, leaving no listener behind', async () => {
    jest.useFakeTimers();
    try {
      const down = client('reconnecting');
      const ready = redisReady(down, 1_000);
      jest.advanceTimersByTime(1_000);
      await expect(ready).resolves.toBe(false);
      expect(down.listenerCount('ready')).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
