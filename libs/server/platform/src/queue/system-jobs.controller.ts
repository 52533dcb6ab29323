import type { QueueRoundTrip } from '@dspt/contracts';
import { GlobalAccess } from '../http';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SystemJobsService } from './system-jobs.service';

@ApiTags('system')
@Controller('system')
@GlobalAccess('system.operate')
export class SystemJobsController {
  constructor(private readonly systemJobs: SystemJobsService) {}

  @Post('queue-check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a job through the queue and report which worker answered, and how fast' })
  @ApiServiceUnavailableResponse({ description: 'No worker answered in time' })
  queueCheck(): Promise<QueueRoundTrip> {
    return this.systemJobs.roundTrip();
  }
}
