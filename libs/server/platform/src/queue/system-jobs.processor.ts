import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { hostname } from 'node:os';
import { QUEUES, SYSTEM_JOBS } from './queue-names';

export interface EchoResult {
  hostname: string;
  pid: number;
}

/** Worker side of the system queue. */
@Processor(QUEUES.system)
export class SystemJobsProcessor extends WorkerHost {
  async process(job: Job): Promise<EchoResult> {
    switch (job.name) {
      case SYSTEM_JOBS.echo:
        return { hostname: hostname(), pid: process.pid };
      default:
        throw new Error(`Unknown job "${job.name}" on the ${QUEUES.system} queue`);
    }
  }
}
