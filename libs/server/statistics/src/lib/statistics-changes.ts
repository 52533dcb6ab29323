import { AppConfigService } from '@dspt/server/config';
import { ChangeListener, STATS_CHANNEL } from '@dspt/server/database';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Hears from PostgreSQL when statistics may have changed (LISTEN completion_statistics: triggers notify on
 * every recount of cells, snapshot, cycle or LSP change, when the change commits) and counts the changes.
 * `version()` is the count, or null while no connection listens: then nothing may be reused. A lost
 * connection starts a new epoch, so nothing worked out before it is reused after it.
 */
@Injectable()
export class StatisticsChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private changes = 0;
  private readonly listener: ChangeListener;

  constructor(config: AppConfigService) {
    this.listener = new ChangeListener({
      url: config.get('DATABASE_URL'),
      channel: STATS_CHANNEL,
      subject: 'statistics',
      onChange: () => this.changes++,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  /** Changes heard so far, in this connection's epoch; null when not listening. */
  version(): string | null {
    return this.listener.listening ? `${this.listener.epoch}.${this.changes}` : null;
  }
}
