import type { DefaultJobOptions } from 'bullmq';

/** Every queue and job name, and their retry/retention settings, in one place. */
export const QUEUES = {
  system: 'system',
} as const;

export const SYSTEM_JOBS = {
  /** Answers with the worker's identity: proves the api → Redis → worker path end to end. */
  echo: 'echo',
} as const;

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
