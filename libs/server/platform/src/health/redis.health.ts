import { REDIS_CLIENT } from '../redis';
import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { withTimeout } from './with-timeout';

export const HEALTH_CHECK_TIMEOUT_MS = 1_500;

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async isHealthy(key: 'redis') {
    const indicator = this.indicators.check(key);
    try {
      await withTimeout(this.redis.ping(), HEALTH_CHECK_TIMEOUT_MS, 'Redis');
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: `Redis is unreachable: ${(error as Error).message}` });
    }
  }
}
