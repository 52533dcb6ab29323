import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { Client } from 'pg';
import { ChangeListener } from './change-listener';

/**
 * A TCP relay to PostgreSQL whose open connections can be frozen: bytes stop passing both ways and nothing
 * is closed, as when a NAT or firewall on the way forgets a connection. New connections still pass.
 */
async function freezableRelay(target: URL): Promise<{ url: string; freeze(): void; close(): Promise<void> }> {
  const pairs: Array<[Socket, Socket]> = [];
  const sockets: Socket[] = [];
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: target.hostname, port: Number(target.port || 5432) });
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    pairs.push([client, upstream]);
    sockets.push(client, upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    freeze() {
      for (const [client, upstream] of pairs.splice(0)) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
        // Kept open, never answered: only the silence says the path is gone.
      }
    },
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ChangeListener', () => {
  // Any database will do for LISTEN/NOTIFY: the server's maintenance one, as this library cannot use the test helpers.
  const databaseUrl = new URL(
    process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  );

  it('stops within a moment, even while its connection is silent', async () => {
    const relay = await freezableRelay(databaseUrl);
    const listener = new ChangeListener({
      url: relay.url,
      channel: 'listener_stop_test',
      subject: 'test',
      onChange: () => undefined,
    });
    try {
      await listener.start();
      expect(listener.listening).toBe(true);
      relay.freeze();
      const started = Date.now();
      await listener.stop();
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await relay.close();
    }
  }, 15_000);

  it('counts a connection that falls silent as lost (nothing is reused meanwhile) and listens again', async () => {
    const relay = await freezableRelay(databaseUrl);
    const channel = `listener_test_${process.pid}`;
    const heard: string[] = [];
    const listener = new ChangeListener({
      url: relay.url,
      channel,
      subject: 'test',
      onChange: (payload) => heard.push(payload),
      checkEveryMs: 300,
    });
    const notifier = new Client({ connectionString: databaseUrl.toString() });
    await notifier.connect();
    try {
      await listener.start();
      await notifier.query(`NOTIFY ${channel}, 'before'`);
      await until(() => heard.includes('before'), 'the first notification');
      const epoch = listener.epoch;

      relay.freeze();
      await notifier.query(`NOTIFY ${channel}, 'missed'`);
      await until(() => !listener.listening, 'the silent connection to count as lost');
      expect(listener.epoch).toBeGreaterThan(epoch);
      expect(heard).not.toContain('missed');

      await until(() => listener.listening, 'a new connection to listen');
      await notifier.query(`NOTIFY ${channel}, 'after'`);
      await until(() => heard.includes('after'), 'a notification on the new connection');
    } finally {
      // The relay first: ending a frozen connection waits for an answer that never comes.
      await relay.close();
      await listener.stop();
      await notifier.end();
    }
  });
});
