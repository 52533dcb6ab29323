import { AppConfigService } from '../config';
import { type WorkerHeartbeat, workerHeartbeatPattern } from '../queue';
import { REDIS_CLIENT } from '../redis';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { HEALTH_CHECK_TIMEOUT_MS } from './redis.health';
import { withTimeout } from './with-timeout';

/** A worker is alive while its heartbeat key exists: keys expire three beats after the last one. */
@Injectable()
export class WorkerHealthIndicator {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfigService,
  ) {}

  async isHealthy(key: 'worker') {
    const indicator = this.indicators.check(key);
    try {
      const heartbeats = await withTimeout(this.liveHeartbeats(), HEALTH_CHECK_TIMEOUT_MS, 'Redis');
      if (heartbeats.length === 0) {
        return indicator.down({ message: 'No worker has sent a heartbeat recently', workers: 0 });
      }
      const latest = heartbeats
        .map((beat) => beat.beatAt)
        .sort()
        .at(-1);
      return indicator.up({ workers: heartbeats.length, lastHeartbeatAt: latest });
    } catch (error) {
      return indicator.down({ message: `Worker heartbeats cannot be read: ${(error as Error).message}` });
    }
  }

  private async liveHeartbeats(): Promise<WorkerHeartbeat[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await this.redis.scan(
        cursor,
        'MATCH',
        workerHeartbeatPattern(this.config.get('REDIS_PREFIX')),
        'COUNT',
        100,
      );
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    if (keys.length === 0) {
      return [];
    }
    const values = await this.redis.mget(keys);
    return values
      .filter((value): value is string => value !== null)
      .map((value) => JSON.parse(value) as WorkerHeartbeat);
  }
}
