import { QUEUES, STATISTICS_JOBS } from '@dspt/server/platform';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { type Job, UnrecoverableError } from 'bullmq';
import { type SnapshotTaken, SnapshotService } from './snapshot.service';

/** Worker side of the statistics queue: the daily snapshot (scheduled in JOB_SCHEDULERS, libs/server/platform/src/queue). */
@Processor(QUEUES.statistics)
export class StatisticsJobsProcessor extends WorkerHost {
  constructor(private readonly snapshots: SnapshotService) {
    super();
  }

  async process(job: Job): Promise<SnapshotTaken[]> {
    switch (job.name) {
      case STATISTICS_JOBS.snapshot:
        return this.snapshots.takeDaily();
      default:
        throw new UnrecoverableError(`Unknown job "${job.name}" on the ${QUEUES.statistics} queue`);
    }
  }
}
