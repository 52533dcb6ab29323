import { QUEUES, RETENTION_JOBS } from '@dspt/server/platform';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { type RetentionResult, RetentionService } from './retention.service';

/** Worker side of the retention queue: the daily run (scheduler `daily-retention`). */
@Processor(QUEUES.retention)
export class RetentionProcessor extends WorkerHost {
  constructor(private readonly retention: RetentionService) {
    super();
  }

  async process(job: Job): Promise<RetentionResult> {
    if (job.name !== RETENTION_JOBS.apply) {
      throw new Error(`Unknown job "${job.name}" on the ${QUEUES.retention} queue`);
    }
    return this.retention.apply();
  }
}
