import { AppConfigService } from '../config';
import { REDIS_CLIENT, redisReady } from '../redis';
import { getQueueToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { JOB_SCHEDULERS } from './job-schedulers';
import { evictionPolicyWarning } from './redis-eviction-check';
import { RedisLossWatch } from './redis-loss-watch';

/** How often the worker upserts the schedulers again (RedisLossWatch puts them back at once after Redis was emptied). */
const REFRESH_MS = 5 * 60_000;

/**
 * Worker side: creates every job scheduler of JOB_SCHEDULERS (idempotently, by fixed id) at start and every
 * few minutes, at once when Redis was found empty (RedisLossWatch), and warns at start when Redis may evict jobs.
 */
@Injectable()
export class JobSchedulerRegistrar implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulerRegistrar.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly moduleRef: ModuleRef,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfigService,
    private readonly lossWatch: RedisLossWatch,
  ) {}

  onModuleInit(): void {
    this.lossWatch.onEmptied('the job schedulers', () => this.upsertAll());
  }

  async onApplicationBootstrap(): Promise<void> {
    await redisReady(this.redis);
    await this.checkEvictionPolicy();
    await this.upsertAll();
    this.timer = setInterval(() => void this.upsertAll(), REFRESH_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async upsertAll(): Promise<void> {
    for (const scheduler of JOB_SCHEDULERS) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(scheduler.queue), { strict: false });
      try {
        await queue.upsertJobScheduler(
          scheduler.id,
          { pattern: scheduler.pattern, tz: scheduler.tz },
          { name: scheduler.jobName },
        );
      } catch (error) {
        this.logger.warn(`Could not create the job scheduler "${scheduler.id}": ${(error as Error).message}`);
      }
    }
  }

  private async checkEvictionPolicy(): Promise<void> {
    let reply: unknown;
    try {
      reply = await this.redis.config('GET', 'maxmemory-policy');
    } catch {
      reply = null;
    }
    const warning = evictionPolicyWarning(reply);
    if (warning) {
      this.logger.warn(`${warning} (REDIS_URL ${new URL(this.config.get('REDIS_URL')).host})`);
    }
  }
}
