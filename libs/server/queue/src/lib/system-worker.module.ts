import { Module } from '@nestjs/common';
import { JobSchedulerRegistrar } from './job-scheduler-registrar';
import { QueueModule } from './queue.module';
import { SystemJobsProcessor } from './system-jobs.processor';
import { WorkerHeartbeatService } from './worker-heartbeat.service';

/** Worker side: processes system jobs, writes this process' heartbeat and keeps the job schedulers in place. */
@Module({
  imports: [QueueModule],
  providers: [SystemJobsProcessor, WorkerHeartbeatService, JobSchedulerRegistrar],
})
export class SystemWorkerModule {}
