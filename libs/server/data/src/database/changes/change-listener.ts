import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 1_000;
/**
 * How often the connection is asked a trivial question, and how long it may take to answer. A connection
 * whose network path died without a word (a NAT or firewall forgetting it, a failover) reports nothing
 * for hours with TCP keep-alive alone, while every notification is missed: it must count as lost.
 */
const CHECK_EVERY_MS = 10_000;
const CHECK_TIMEOUT_MS = 5_000;
const STOP_WAIT_MS = 1_000;

function closeSocket(client: Client): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}

export interface ChangeListenerOptions {
  /** The api's own DATABASE_URL. */
  url: string;
  /** The NOTIFY channel the migrations' triggers send to. */
  channel: string;
  /** What changes, for the connection's application_name and the warning when it is lost. */
  subject: string;
  /** Each notification's payload, in commit order. */
  onChange(payload: string): void;
  /** How often the connection is checked (tests shorten it); the check may take half as long. */
  checkEveryMs?: number;
}

/**
 * One connection that LISTENs to a channel PostgreSQL's triggers NOTIFY when data a process keeps answers
 * for has changed (notifications arrive once the change commits). `epoch` moves whenever the connection is
 * made or lost: anything worked out under an earlier epoch may have missed a notification and must not be
 * reused. While not `listening`, nothing may be reused at all. A lost connection is made again after a
 * second, for as long as the process runs. A connection is lost when it closes or fails, and also when it
 * stops answering the check made every CHECK_EVERY_MS.
 */
export class ChangeListener {
  private readonly logger = new Logger(ChangeListener.name);
  private client?: Client;
  private stopped = false;
  private reconnect?: NodeJS.Timeout;
  private check?: NodeJS.Timeout;
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
      const every = this.options.checkEveryMs ?? CHECK_EVERY_MS;
      this.check = setInterval(() => void this.checkAnswers(client, Math.min(CHECK_TIMEOUT_MS, every / 2)), every);
      this.check.unref();
    } catch (error) {
      this.lost(client, error as Error);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    clearInterval(this.check);
    const client = this.client;
    if (!client) {
      return;
    }
    // A shutdown must not wait for a goodbye that a dead network path never carries.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => resolve(closeSocket(client)), STOP_WAIT_MS);
    });
    await Promise.race([client.end().catch(() => undefined), late]);
    clearTimeout(timer);
  }

  private async checkAnswers(client: Client, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([client.query('SELECT 1'), silent]);
    } catch (error) {
      this.lost(client, error as Error);
      // end() waits for a goodbye a dead path never carries: close the socket too.
      closeSocket(client);
    } finally {
      clearTimeout(timer);
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.client !== client) {
      return;
    }
    this.listening = false;
    this.epoch++;
    this.client = undefined;
    clearInterval(this.check);
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
