import { AssessmentsModule, CaseworkModule } from '@dspt/server/caseload';
import { QueueModule, RedisLossWatch, SystemWorkerModule } from '@dspt/server/platform';
import { TemplatesCoreModule } from '@dspt/server/messaging';
import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
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
import { RetentionProcessor } from './retention.processor';
import { RetentionService } from './retention.service';

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
  exports: [EmailRequestsService],
})
export class RemindersModule {}

/** When the worker finds Redis emptied, the waiting emails get their send jobs back at once. */
@Injectable()
class WaitingEmailsRecovery implements OnModuleInit {
  constructor(
    private readonly lossWatch: RedisLossWatch,
    private readonly planner: ReminderPlanner,
  ) {}

  onModuleInit(): void {
    this.lossWatch.onEmptied('the waiting emails', () => this.planner.requeueWaiting());
  }
}

/** Worker side: the daily planner, the sender of every outbox row, and the daily retention run. */
@Module({
  imports: [QueueModule, SystemWorkerModule, TemplatesCoreModule],
  providers: [
    WaitingEmailsRecovery,
    EmailComposer,
    EmailOutbox,
    ReminderPlanner,
    ReminderPlannerProcessor,
    EmailSender,
    EmailSendWorker,
    RetentionService,
    RetentionProcessor,
  ],
})
export class RemindersWorkerModule {}
