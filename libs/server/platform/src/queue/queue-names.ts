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
  /** Account emails sent after the request was answered (password-reset links). */
  accounts: 'accounts',
  /** Retention: the daily removal of old email content and audit events. */
  retention: 'retention',
  /** The DSPT status list: its scheduled fetch (only when DSPT_LIST_URL is set). */
  dsptList: 'dspt-list',
  /** Emails to LSP admins about work between LSPs (a provider offered to them, their offer answered). */
  notifications: 'notifications',
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

export const ACCOUNT_JOBS = {
  passwordResetEmail: 'password-reset-email',
} as const;

/**
 * Data of a password-reset job: the address as typed (normalised). The exception to "ids only": the
 * request is answered before anything is looked up, so that known and unknown addresses take the same
 * time, and the address is all there is. The job is removed once done (an hour after failing).
 */
export interface PasswordResetEmailJobData {
  email: string;
}

export const PASSWORD_RESET_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: true,
  removeOnFail: { age: 3600 },
};

export const NOTIFICATION_JOBS = {
  transferRequestEmail: 'transfer-request-email',
} as const;

/** `requested`: to the receiving LSP's admins; `answered`: to the offering LSP's admins. */
export type TransferRequestEvent = 'requested' | 'answered';

/** Data of a transfer-request email job: ids only; the worker reads the request as it is then. */
export interface TransferRequestEmailJobData {
  requestId: string;
  event: TransferRequestEvent;
}

/** One email job per request and event (BullMQ drops a second with the same id while the first is kept). */
export function transferRequestEmailJobOptions(data: TransferRequestEmailJobData) {
  return {
    jobId: `transfer-request-${data.event}-${data.requestId}`,
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    removeOnComplete: { age: 24 * 3600 },
    removeOnFail: { age: 7 * 24 * 3600 },
  };
}

export const RETENTION_JOBS = {
  /** Removes what is past its retention period (idempotent: a second run finds nothing left). */
  apply: 'apply-retention',
} as const;

export const DSPT_LIST_JOBS = {
  /** Fetches the list from DSPT_LIST_URL and imports it (the same file again changes nothing). */
  fetch: 'fetch-dspt-list',
} as const;

/** The scheduler's fixed id: upserted when DSPT_LIST_URL is set, removed when it is not. */
export const DSPT_LIST_SCHEDULER_ID = 'dspt-list-fetch';

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
