import type { HealthResponse } from '@dspt/contracts';
import { Public } from '../http';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HEALTH_CHECK_TIMEOUT_MS, RedisHealthIndicator } from './redis.health';
import { WorkerHealthIndicator } from './worker.health';

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly worker: WorkerHealthIndicator,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether the portal can serve requests: its database, Redis and workers' })
  @ApiOkResponse({ description: 'PostgreSQL, Redis and at least one worker are up' })
  @ApiServiceUnavailableResponse({ description: 'At least one component is down; `error` names which' })
  check(): Promise<HealthResponse> {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: HEALTH_CHECK_TIMEOUT_MS }),
      () => this.redis.isHealthy('redis'),
      () => this.worker.isHealthy('worker'),
    ]) as Promise<HealthResponse>;
  }
}
