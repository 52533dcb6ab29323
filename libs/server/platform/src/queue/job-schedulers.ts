import { QUEUES, type QueueName, REMINDER_JOBS, RETENTION_JOBS, STATISTICS_JOBS } from './queue-names';

export interface JobSchedulerDefinition {
  /** Fixed id: upserting it again replaces the same scheduler, never adds one. */
  id: string;
  queue: QueueName;
  pattern: string;
  tz: string;
  jobName: string;
}

/**
 * Every recurring job of the portal, in one place. The worker upserts each of them at start and again now
 * and then (JobSchedulerRegistrar); with fixed ids, N replicas doing so still leave one scheduler each.
 */
export const JOB_SCHEDULERS: readonly JobSchedulerDefinition[] = [
  {
    id: 'daily-reminder-planner',
    queue: QUEUES.reminders,
    // 09:00 in England, GMT or BST: the time reminders go out (libs/domain reminder-dates).
    pattern: '0 9 * * *',
    tz: 'Europe/London',
    jobName: REMINDER_JOBS.plan,
  },
  {
    id: 'daily-statistics-snapshot',
    queue: QUEUES.statistics,
    // Late in the English day, so each day's snapshot shows how the day ended.
    pattern: '50 23 * * *',
    tz: 'Europe/London',
    jobName: STATISTICS_JOBS.snapshot,
  },
  {
    id: 'daily-retention',
    queue: QUEUES.retention,
    // In the quiet of the night, after the day's snapshot and before the reminders.
    pattern: '30 3 * * *',
    tz: 'Europe/London',
    jobName: RETENTION_JOBS.apply,
  },
];
