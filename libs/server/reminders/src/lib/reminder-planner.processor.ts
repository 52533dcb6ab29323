import { QUEUES, REMINDER_JOBS } from '@dspt/server/platform';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import type { ReminderPlanResult } from '@dspt/contracts';
import { ReminderPlanner } from './reminder-planner.service';

/** Worker side of the reminders queue: the daily planner run (and any run queued on demand). */
@Processor(QUEUES.reminders)
export class ReminderPlannerProcessor extends WorkerHost {
  constructor(private readonly planner: ReminderPlanner) {
    super();
  }

  async process(job: Job): Promise<ReminderPlanResult> {
    if (job.name !== REMINDER_JOBS.plan) {
      throw new Error(`Unknown job "${job.name}" on the ${QUEUES.reminders} queue`);
    }
    return this.planner.plan();
  }
}
