import { ACCOUNT_JOBS, type PasswordResetEmailJobData, QUEUES } from '@dspt/server/platform';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { PasswordResetMailer } from './password-reset-mailer';

/** Worker side of the accounts queue: the password-reset emails the api promised without waiting. */
@Processor(QUEUES.accounts)
export class PasswordResetProcessor extends WorkerHost {
  constructor(private readonly mailer: PasswordResetMailer) {
    super();
  }

  async process(job: Job<PasswordResetEmailJobData>): Promise<'sent' | 'no_account'> {
    if (job.name !== ACCOUNT_JOBS.passwordResetEmail) {
      throw new Error(`Unknown job "${job.name}" on the ${QUEUES.accounts} queue`);
    }
    return this.mailer.send(job.data.email);
  }
}
