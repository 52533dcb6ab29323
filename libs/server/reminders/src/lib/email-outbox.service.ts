import { AppConfigService, EMAIL_JOBS, emailJobOptions, QUEUES, type SendEmailJobData } from '@dspt/server/platform';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';

export interface OutboxRow {
  tenantId: string;
  messageId: string;
  idempotencyKey: string;
}

const BULK_SIZE = 1_000;

/**
 * Puts outbox rows on the email queue: one send job per row, its job id the row's idempotency key, so
 * enqueuing a row twice (planner re-runs, Redis emptied) adds nothing while the first job exists, and the
 * sender's claim in Postgres makes any later duplicate a no-op.
 */
@Injectable()
export class EmailOutbox {
  private readonly retryBaseSeconds: number;

  constructor(
    @InjectQueue(QUEUES.email) private readonly queue: Queue<SendEmailJobData>,
    config: AppConfigService,
  ) {
    this.retryBaseSeconds = config.get('MAIL_RETRY_BASE_SECONDS');
  }

  async enqueue(rows: readonly OutboxRow[]): Promise<void> {
    for (let start = 0; start < rows.length; start += BULK_SIZE) {
      await this.queue.addBulk(
        rows.slice(start, start + BULK_SIZE).map((row) => ({
          name: EMAIL_JOBS.send,
          data: { tenantId: row.tenantId, messageId: row.messageId },
          opts: emailJobOptions(row.idempotencyKey, this.retryBaseSeconds),
        })),
      );
    }
  }

  /** A failed email sent again: the old job (kept for the dashboard) gives way to a new one with the same id. */
  async requeue(row: OutboxRow): Promise<void> {
    await this.queue.remove(row.idempotencyKey);
    await this.enqueue([row]);
  }
}
