import { Module } from '@nestjs/common';
import { JobSchedulerRegistrar } from './job-scheduler-registrar';
import { QueueModule } from './queue.module';
import { RedisLossWatch } from './redis-loss-watch';
import { SystemJobsProcessor } from './system-jobs.processor';
import { WorkerHeartbeatService } from './worker-heartbeat.service';

/**
 * Worker side: processes system jobs, writes this process' heartbeat, keeps the job schedulers in place and
 * notices a Redis that came back empty (RedisLossWatch, for other modules to hook their recovery on).
 */
@Module({
  imports: [QueueModule],
  providers: [SystemJobsProcessor, WorkerHeartbeatService, JobSchedulerRegistrar, RedisLossWatch],
  exports: [RedisLossWatch],
})
export class SystemWorkerModule {}
