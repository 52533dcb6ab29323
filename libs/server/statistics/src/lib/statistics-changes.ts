import { AppConfigService } from '@dspt/server/config';
import { STATS_CHANNEL } from '@dspt/server/database';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MS = 1_000;

/**
 * Hears from PostgreSQL when statistics may have changed (LISTEN completion_statistics: triggers notify on
 * every recount of cells, snapshot, cycle or LSP change, when the change commits) and counts the changes.
 * `version()` is the count, or null while no connection listens: then nothing may be reused. A lost
 * connection starts a new epoch, so nothing worked out before it is reused after it.
 */
@Injectable()
export class StatisticsChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(StatisticsChanges.name);
  private client?: Client;
  private listening = false;
  private stopped = false;
  private reconnect?: NodeJS.Timeout;
  private epoch = 0;
  private changes = 0;

  constructor(private readonly config: AppConfigService) {}

  onApplicationBootstrap(): Promise<void> {
    return this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    await this.client?.end().catch(() => undefined);
  }

  /** Changes heard so far, in this connection's epoch; null when not listening. */
  version(): string | null {
    return this.listening ? `${this.epoch}.${this.changes}` : null;
  }

  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.config.get('DATABASE_URL'),
      application_name: 'dspt-api-statistics-listener',
      keepAlive: true,
    });
    client.on('notification', () => {
      this.changes++;
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${STATS_CHANNEL}`);
      this.epoch++;
      this.listening = true;
    } catch (error) {
      this.lost(client, error as Error);
    }
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
      `Not listening for statistics changes (${error?.message ?? 'connection closed'}); statistics are worked out afresh for every request until it reconnects`,
    );
    this.reconnect = setTimeout(() => void this.listen(), RECONNECT_MS);
  }
}
