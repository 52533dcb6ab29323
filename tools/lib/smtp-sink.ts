/**
 * A local SMTP sink for `npm run bench:reminders`, run as a child process of its own (so neither sender
 * shares its event loop): accepts every message without parsing it, counts arrivals with their times,
 * and, while recording, appends each message (envelope and raw source) to a JSON-lines file so the bare
 * nodemailer loop can send exactly the same messages. Controlled over the IPC channel.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type SinkCommand = { type: 'stats' } | { type: 'reset'; recordTo?: string };
export interface SinkStats {
  type: 'stats';
  count: number;
  firstAt: number | null;
  lastAt: number | null;
}

let count = 0;
let firstAt: number | null = null;
let lastAt: number | null = null;
let recordTo: string | undefined;
let pending: string[] = [];

function flush(): void {
  if (recordTo && pending.length > 0) {
    appendFileSync(recordTo, pending.join(''));
    pending = [];
  }
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  size: 1024 * 1024,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      const now = performance.timeOrigin + performance.now();
      firstAt ??= now;
      lastAt = now;
      count++;
      if (recordTo) {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        };
        pending.push(`${JSON.stringify({ envelope, raw: Buffer.concat(chunks).toString('utf8') })}\n`);
        if (pending.length >= 500) {
          flush();
        }
      }
      callback();
    });
  },
});

process.on('message', (command: SinkCommand) => {
  if (command.type === 'reset') {
    flush();
    count = 0;
    firstAt = null;
    lastAt = null;
    recordTo = command.recordTo;
    if (recordTo) {
      writeFileSync(recordTo, '');
    }
    process.send?.({ type: 'reset' });
    return;
  }
  flush();
  process.send?.({ type: 'stats', count, firstAt, lastAt } satisfies SinkStats);
});

server.listen(0, '127.0.0.1', () => {
  process.send?.({
    type: 'listening',
    port: (server as unknown as { server: { address(): AddressInfo } }).server.address().port,
  });
});
