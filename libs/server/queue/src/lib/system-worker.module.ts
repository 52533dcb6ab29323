import { Module } from '@nestjs/common';
import { QueueModule } from './queue.module';
import { SystemJobsProcessor } from './system-jobs.processor';
import { WorkerHeartbeatService } from './worker-heartbeat.service';

/** Worker side: processes system jobs and writes this process' heartbeat. */
@Module({
  imports: [QueueModule],
  providers: [SystemJobsProcessor, WorkerHeartbeatService],
})
export class SystemWorkerModule {}
