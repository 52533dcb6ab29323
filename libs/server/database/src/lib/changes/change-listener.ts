import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 1_000;

export interface ChangeListenerOptions {
  /** The api's own DATABASE_URL. */
  url: string;
  /** The NOTIFY channel the migrations' triggers send to. */
  channel: string;
  /** What changes, for the connection's application_name and the warning when it is lost. */
  subject: string;
  /** Each notification's payload, in commit order. */
  onChange(payload: string): void;
}

/**
 * One connection that LISTENs to a channel PostgreSQL's triggers NOTIFY when data a process keeps answers
 * for has changed (notifications arrive once the change commits). `epoch` moves whenever the connection is
 * made or lost: anything worked out under an earlier epoch may have missed a notification and must not be
 * reused. While not `listening`, nothing may be reused at all. A lost connection is made again after a
 * second, for as long as the process runs.
 */
export class ChangeListener {
  private readonly logger = new Logger(ChangeListener.name);
  private client?: Client;
  private stopped = false;
  private reconnect?: NodeJS.Timeout;
  listening = false;
  epoch = 0;

  constructor(private readonly options: ChangeListenerOptions) {}

  async start(): Promise<void> {
    const client = new Client({
      connectionString: this.options.url,
      application_name: `dspt-api-${this.options.subject}-listener`,
      keepAlive: true,
    });
    client.on('notification', (message) => this.options.onChange(message.payload ?? ''));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
      this.epoch++;
      this.listening = true;
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) {
      return;
    }
    this.listening = false;
    this.epoch++;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) {
      return;
    }
    this.logger.warn(
      `Not listening for ${this.options.subject} changes (${error?.message ?? 'connection closed'}); answers are worked out afresh for every request until it reconnects`,
    );
    this.reconnect = setTimeout(() => void this.start(), RECONNECT_MS);
  }
}
