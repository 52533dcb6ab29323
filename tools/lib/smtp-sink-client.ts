import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { SinkCommand, SinkStats } from './smtp-sink.ts';

/** The SMTP sink (smtp-sink.ts) run as a child process, counting and optionally recording what arrives. */
export class SmtpSink {
  readonly child: ChildProcess;
  readonly port: number;

  // No parameter properties: Node strips this file's types when it runs unbundled.
  private constructor(child: ChildProcess, port: number) {
    this.child = child;
    this.port = port;
  }

  static async start(): Promise<SmtpSink> {
    const child = fork(join(process.cwd(), 'tools/lib/smtp-sink.ts'), [], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { type: string; port: number }) => resolve(message.port));
      child.once('exit', () => reject(new Error('The SMTP sink stopped')));
    });
    return new SmtpSink(child, port);
  }

  /** Forgets what arrived; with `recordTo`, appends each message from now on to that file. */
  reset(recordTo?: string): Promise<unknown> {
    return this.ask({ type: 'reset', recordTo });
  }

  /** What arrived so far; the answer also means every message before it is recorded. */
  stats(): Promise<SinkStats> {
    return this.ask({ type: 'stats' });
  }

  /** Waits until `count` messages arrived; answers their first-to-last seconds. */
  async waitFor(count: number, timeoutMs: number): Promise<{ seconds: number; stats: SinkStats }> {
    const deadline = Date.now() + timeoutMs;
    let stats = await this.stats();
    let lastReport = Date.now();
    while (stats.count < count) {
      if (Date.now() > deadline) {
        throw new Error(`Only ${stats.count} of ${count} emails reached the sink within ${timeoutMs / 1000} s`);
      }
      if (Date.now() - lastReport > 5_000) {
        console.log(`  ... ${stats.count} of ${count}`);
        lastReport = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      stats = await this.stats();
    }
    return { seconds: ((stats.lastAt ?? 0) - (stats.firstAt ?? 0)) / 1000, stats };
  }

  private ask<T>(command: SinkCommand): Promise<T> {
    return new Promise((resolve) => {
      this.child.once('message', (answer: T) => resolve(answer));
      this.child.send(command);
    });
  }
}
