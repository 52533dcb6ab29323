import type { ImportProgress } from '@dspt/contracts';
import { AppConfigService } from '@dspt/server/config';
import { REDIS_CLIENT } from '@dspt/server/redis';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** How long an import's progress and outcome can be read back. */
export const IMPORT_PROGRESS_TTL_SECONDS = 24 * 60 * 60;

/**
 * An import still "validating" or "importing" with no word for this long died with its api process (its
 * transaction rolled back, so nothing was imported).
 */
export const IMPORT_STALE_MS = 5 * 60 * 1000;

export interface StoredImportProgress extends ImportProgress {
  /** Epoch ms of the last report. */
  updatedAt: number;
}

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

  async save(tenantId: string, progress: ImportProgress): Promise<void> {
    const stored: StoredImportProgress = { ...progress, updatedAt: Date.now() };
    await this.redis.set(
      this.key(tenantId, progress.importId),
      JSON.stringify(stored),
      'EX',
      IMPORT_PROGRESS_TTL_SECONDS,
    );
  }

  /** Null when this LSP has no such import (or it expired). */
  async get(tenantId: string, importId: string): Promise<ImportProgress | null> {
    const raw = await this.redis.get(this.key(tenantId, importId));
    if (!raw) {
      return null;
    }
    const { updatedAt, ...progress } = JSON.parse(raw) as StoredImportProgress;
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

  private key(tenantId: string, importId: string): string {
    return `${this.prefix}:${tenantId}:${importId}`;
  }
}
