import { AppConfigService } from '../config';
import { REDIS_CLIENT, redisReady } from '../redis';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type WorkerHeartbeat, workerHeartbeatKey } from './worker-heartbeat-keys';

/**
 * Each worker process writes its own heartbeat key with a short expiry; the api's health check counts
 * live keys. Missing beats (worker down, or Redis emptied) expire on their own.
 */
@Injectable()
export class WorkerHeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHeartbeatService.name);
  private readonly key: string;
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly config: AppConfigService,
  ) {
    this.key = workerHeartbeatKey(config.get('REDIS_PREFIX'), randomUUID());
  }

  onApplicationBootstrap(): void {
    const intervalSeconds = this.config.get('WORKER_HEARTBEAT_SECONDS');
    void redisReady(this.redis).then(() => this.beat(intervalSeconds));
    this.timer = setInterval(() => void this.beat(intervalSeconds), intervalSeconds * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(this.key).catch(() => undefined);
  }

  private async beat(intervalSeconds: number): Promise<void> {
    const heartbeat: WorkerHeartbeat = { hostname: hostname(), pid: process.pid, beatAt: new Date().toISOString() };
    try {
      await this.redis.set(this.key, JSON.stringify(heartbeat), 'EX', intervalSeconds * 3);
    } catch (error) {
      this.logger.warn(`Could not write the worker heartbeat: ${(error as Error).message}`);
    }
  }
}
