import type { DefaultJobOptions } from 'bullmq';

/** Every queue and job name, and their retry/retention settings, in one place. */
export const QUEUES = {
  system: 'system',
  /** Planning work: which reminders are due (daily, and on demand). */
  reminders: 'reminders',
  /** One job per outbox row; the job id is the row's idempotency key. */
  email: 'email',
  /** Completion statistics: the daily snapshot. */
  statistics: 'statistics',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const SYSTEM_JOBS = {
  /** Answers with the worker's identity: proves the api → Redis → worker path end to end. */
  echo: 'echo',
} as const;

export const REMINDER_JOBS = {
  plan: 'plan-reminders',
} as const;

export const EMAIL_JOBS = {
  send: 'send-email',
} as const;

/** Data of a send job: ids only; the worker reads everything else from Postgres. */
export interface SendEmailJobData {
  tenantId: string;
  messageId: string;
}

export const STATISTICS_JOBS = {
  /** Writes today's snapshot of every cycle under way (idempotent per day). */
  snapshot: 'snapshot-completion',
} as const;

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Tries of one email before it is `failed`: temporary SMTP errors back off 1, 2, 4, 8, 16 × the base delay. */
export const EMAIL_SEND_ATTEMPTS = 6;

/** Options of a send job; `retryBaseSeconds` is MAIL_RETRY_BASE_SECONDS. */
export function emailJobOptions(idempotencyKey: string, retryBaseSeconds: number) {
  return {
    jobId: idempotencyKey,
    attempts: EMAIL_SEND_ATTEMPTS,
    backoff: { type: 'exponential', delay: retryBaseSeconds * 1000 },
    // Postgres keeps the record. A sent email's job goes at once (a repeat of it would only find the row
    // sent); a failed one stays an hour for the dashboard, after which a planner run may queue its row again.
    removeOnComplete: true,
    removeOnFail: { age: 3600 },
  };
}

/**
 * How long a worker's hold on a job lasts without renewal (renewed every half of it while the process
 * lives). A worker killed mid-send loses its jobs to another worker within this plus the stalled-check
 * interval; the row's claim in Postgres (MAIL_SEND_LEASE_SECONDS) stops two senders meeting.
 */
export const EMAIL_WORKER_LOCK_MS = 15_000;
export const EMAIL_WORKER_STALLED_INTERVAL_MS = 5_000;
