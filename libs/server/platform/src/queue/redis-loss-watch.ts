import { AppConfigService } from '../config';
import { REDIS_CLIENT, redisReady } from '../redis';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** A key each worker keeps under the prefix: its absence means Redis lost everything the portal kept there. */
export function redisSentinelKey(prefix: string): string {
  return `${prefix}:sentinel`;
}

/**
 * Worker side: notices that Redis came back empty (restarted without its data, flushed) and runs what must be
 * put back at once: the job schedulers, the send jobs of waiting emails. It checks on every reconnect and
 * every WORKER_HEARTBEAT_SECONDS, with `SET sentinel NX`: the one worker whose SET lands does the recovery,
 * however many run. A Redis found empty at the worker's start (first start, or emptied while no worker ran)
 * is recovered the same way.
 */
@Injectable()
export class RedisLossWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RedisLossWatch.name);
  private readonly key: string;
  private readonly recoveries: Array<{ name: string; run: () => Promise<unknown> }> = [];
  private timer?: NodeJS.Timeout;
  private checking?: Promise<boolean>;
  private readonly onReady = () => void this.check();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfigService,
  ) {
    this.key = redisSentinelKey(config.get('REDIS_PREFIX'));
  }

  /** Registers work to run, in registration order, whenever Redis is found empty. */
  onEmptied(name: string, run: () => Promise<unknown>): void {
    this.recoveries.push({ name, run });
  }

  async onApplicationBootstrap(): Promise<void> {
    await redisReady(this.redis);
    await this.check();
    this.redis.on('ready', this.onReady);
    this.timer = setInterval(() => void this.check(), this.config.get('WORKER_HEARTBEAT_SECONDS') * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.redis.off('ready', this.onReady);
  }

  /** Answers whether Redis was found empty (and the recoveries ran). One check at a time. */
  check(): Promise<boolean> {
    this.checking ??= this.checkOnce().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async checkOnce(): Promise<boolean> {
    let found: string | null;
    try {
      found = await this.redis.set(this.key, new Date().toISOString(), 'NX');
    } catch {
      return false; // Redis is away: the next check, or its reconnect, tells.
    }
    if (found !== 'OK') {
      return false;
    }
    this.logger.log('Redis holds nothing of this portal: putting back the job schedulers and waiting jobs');
    for (const recovery of this.recoveries) {
      try {
        await recovery.run();
      } catch (error) {
        this.logger.error(`Could not put back ${recovery.name} after Redis was emptied: ${(error as Error).message}`);
      }
    }
    return true;
  }
}
