import type { ImportProgress } from '@dspt/contracts';
import { AppConfigService, REDIS_CLIENT } from '@dspt/server/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** How long an import's progress and outcome can be read back. */
export const IMPORT_PROGRESS_TTL_SECONDS = 24 * 60 * 60;

/**
 * An import still "validating" or "importing" with no word for this long died with its api process (its
 * transaction rolled back, so nothing was imported).
 */
export const IMPORT_STALE_MS = 5 * 60 * 1000;

/** What any background import reports (provider imports, the DSPT status list, the CQC register). */
type Progress = Pick<ImportProgress, 'importId' | 'status' | 'message'>;

export type StoredImportProgress<P extends Progress = ImportProgress> = P & {
  /** Epoch ms of the last report. */
  updatedAt: number;
};

/**
 * Background imports' progress in Redis, one key per LSP and import (`<prefix>:import:<tenantId>:<id>`),
 * so an id is only ever found within its own LSP, and any api replica can answer. Losing Redis loses
 * only the progress report, never data.
 */
@Injectable()
export class ImportProgressStore {
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfigService,
  ) {
    this.prefix = `${config.get('REDIS_PREFIX')}:import`;
  }

  async save<P extends Progress = ImportProgress>(tenantId: string, progress: P): Promise<void> {
    const stored: StoredImportProgress<P> = { ...progress, updatedAt: Date.now() };
    await this.redis.set(
      this.key(tenantId, progress.importId),
      JSON.stringify(stored),
      'EX',
      IMPORT_PROGRESS_TTL_SECONDS,
    );
  }

  /** Null when this LSP has no such import (or it expired). */
  async get<P extends Progress = ImportProgress>(tenantId: string, importId: string): Promise<P | null> {
    const raw = await this.redis.get(this.key(tenantId, importId));
    if (!raw) {
      return null;
    }
    const { updatedAt, ...stored } = JSON.parse(raw) as StoredImportProgress<P>;
    const progress = stored as unknown as P;
    const running = progress.status === 'validating' || progress.status === 'importing';
    if (running && Date.now() - updatedAt > IMPORT_STALE_MS) {
      return {
        ...progress,
        status: 'failed',
        message:
          'The import stopped before it finished (the server restarted): nothing was imported. Upload the file again.',
      };
    }
    return progress;
  }

  /**
   * Drops this LSP's reports that mention any of `identifiers` (an erased person's address or name: a
   * refused row's error can quote it). Answers how many went.
   */
  async forgetMentioning(tenantId: string, identifiers: readonly string[]): Promise<number> {
    const wanted = identifiers.map((identifier) => identifier.toLowerCase());
    let removed = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', this.key(tenantId, '*'), 'COUNT', 200);
      cursor = next;
      for (const key of keys) {
        const raw = (await this.redis.get(key))?.toLowerCase() ?? '';
        if (wanted.some((identifier) => raw.includes(identifier))) {
          removed += await this.redis.del(key);
        }
      }
    } while (cursor !== '0');
    return removed;
  }

  private key(tenantId: string, importId: string): string {
    return `${this.prefix}:${tenantId}:${importId}`;
  }
}
