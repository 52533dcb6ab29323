import { NOTIFICATION_JOBS, QUEUES, type TransferRequestEmailJobData } from '@dspt/server/platform';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { TransferRequestMailer } from './transfer-request-mailer';

/** Worker side of the notifications queue: transfer-request emails to LSP admins. */
@Processor(QUEUES.notifications)
export class TransferRequestEmailProcessor extends WorkerHost {
  constructor(private readonly mailer: TransferRequestMailer) {
    super();
  }

  async process(job: Job<TransferRequestEmailJobData>): Promise<number> {
    if (job.name !== NOTIFICATION_JOBS.transferRequestEmail) {
      throw new Error(`Unknown job "${job.name}" on the ${QUEUES.notifications} queue`);
    }
    return this.mailer.send(job.data);
  }
}
