import {
  AppConfigService,
  EMAIL_SEND_ATTEMPTS,
  EMAIL_WORKER_LOCK_MS,
  EMAIL_WORKER_STALLED_INTERVAL_MS,
  QUEUES,
  type SendEmailJobData,
  redisOptionsFromUrl,
} from '@dspt/server/platform';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DelayedError, type Job, UnrecoverableError, Worker } from 'bullmq';
import { EmailSender } from './email-sender.service';

/**
 * The email queue's worker, built by hand rather than with @Processor so its settings come from the
 * configuration: WORKER_CONCURRENCY sends at once, and MAIL_RATE_LIMIT_PER_SECOND through BullMQ's
 * limiter, which Redis enforces across every worker process.
 */
@Injectable()
export class EmailSendWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailSendWorker.name);
  private worker?: Worker<SendEmailJobData>;

  constructor(
    private readonly sender: EmailSender,
    private readonly config: AppConfigService,
  ) {}

  onApplicationBootstrap(): void {
    const ratePerSecond = this.config.get('MAIL_RATE_LIMIT_PER_SECOND');
    this.worker = new Worker<SendEmailJobData>(QUEUES.email, (job, token) => this.process(job, token), {
      connection: redisOptionsFromUrl(this.config.get('REDIS_URL'), 'queue'),
      prefix: this.config.get('REDIS_PREFIX'),
      concurrency: this.config.get('WORKER_CONCURRENCY'),
      lockDuration: EMAIL_WORKER_LOCK_MS,
      stalledInterval: EMAIL_WORKER_STALLED_INTERVAL_MS,
      ...(ratePerSecond > 0 ? { limiter: { max: ratePerSecond, duration: 1_000 } } : {}),
    });
    this.worker.on('error', (error) => this.logger.warn(`Email worker: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    // Lets the emails being sent finish and record their result; jobs not started stay queued.
    await this.worker?.close();
  }

  private async process(job: Job<SendEmailJobData>, token: string | undefined): Promise<string> {
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? EMAIL_SEND_ATTEMPTS);
    const result = await this.sender.send(job.data, lastAttempt);
    switch (result.outcome) {
      case 'busy':
        // Another worker holds the email (a repeated job after Redis was emptied, or a dead worker's claim
        // not yet expired): look again when its claim ends, without using up a try.
        await job.moveToDelayed(result.until.getTime() + 1_000, token);
        throw new DelayedError();
      case 'retry':
        // BullMQ tries again after its exponential backoff.
        throw new Error(result.reason);
      case 'failed':
        throw new UnrecoverableError(result.reason);
      default:
        return result.outcome;
    }
  }
}
