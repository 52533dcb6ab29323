import { AssessmentsModule } from '@dspt/server/assessments';
import { CaseworkModule } from '@dspt/server/casework';
import { QueueModule } from '@dspt/server/queue';
import { TemplatesCoreModule } from '@dspt/server/templates';
import { Module } from '@nestjs/common';
import { ContactSubscriptionService } from './contact-subscription.service';
import { EmailComposer } from './email-composer';
import { EmailOutbox } from './email-outbox.service';
import { EmailRequestsService } from './email-requests.service';
import { EmailSendWorker } from './email-send.worker';
import { EmailSender } from './email-sender.service';
import { EmailsController, UnsubscribeController } from './emails.controller';
import { ReminderCadenceService } from './reminder-cadence.service';
import { ReminderPlanner } from './reminder-planner.service';
import { ReminderPlannerProcessor } from './reminder-planner.processor';
import { ReminderPlannerController, RemindersController } from './reminders.controller';

/** Api side: cadence, preview, delivery logs, guidance emails, unsubscribe links, the planner on demand. */
@Module({
  imports: [QueueModule, TemplatesCoreModule, AssessmentsModule, CaseworkModule],
  controllers: [RemindersController, ReminderPlannerController, EmailsController, UnsubscribeController],
  providers: [
    EmailComposer,
    EmailOutbox,
    ReminderPlanner,
    ReminderCadenceService,
    EmailRequestsService,
    ContactSubscriptionService,
  ],
})
export class RemindersModule {}

/** Worker side: the daily planner and the sender of every outbox row. */
@Module({
  imports: [QueueModule, TemplatesCoreModule],
  providers: [EmailComposer, EmailOutbox, ReminderPlanner, ReminderPlannerProcessor, EmailSender, EmailSendWorker],
})
export class RemindersWorkerModule {}
