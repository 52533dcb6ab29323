import { AppConfigService } from '@dspt/server/platform';
import { ChangeListener, STATS_CELLS_CHANGED, STATS_CHANNEL } from '@dspt/server/data';
import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/** What an answer depends on: today's figures (cells, snapshots, cycles, LSPs) or only the daily snapshots (and cycles, LSPs). */
export type StatisticsScope = 'figures' | 'snapshots';

/**
 * Hears from PostgreSQL when statistics may have changed (LISTEN completion_statistics: triggers notify on
 * every recount of cells, snapshot, cycle or LSP change, when the change commits) and counts the changes.
 * `version(scope)` is the count of changes that matter to that scope (a recount of cells does not change
 * the trend), or null while no connection listens: then nothing may be reused. A lost connection starts a
 * new epoch, so nothing worked out before it is reused after it.
 */
@Injectable()
export class StatisticsChanges implements OnApplicationBootstrap, OnApplicationShutdown {
  private changes = 0;
  private snapshotChanges = 0;
  private readonly listener: ChangeListener;

  constructor(config: AppConfigService) {
    this.listener = new ChangeListener({
      url: config.get('DATABASE_URL'),
      channel: STATS_CHANNEL,
      subject: 'statistics',
      onChange: (payload) => {
        this.changes++;
        if (payload !== STATS_CELLS_CHANGED) {
          this.snapshotChanges++;
        }
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.listener.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener.stop();
  }

  /** Changes that matter to `scope` heard so far, in this connection's epoch; null when not listening. */
  version(scope: StatisticsScope = 'figures'): string | null {
    if (!this.listener.listening) {
      return null;
    }
    return `${this.listener.epoch}.${scope === 'figures' ? this.changes : this.snapshotChanges}`;
  }
}
