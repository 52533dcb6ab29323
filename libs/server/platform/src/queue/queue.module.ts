import { AppConfigService } from '../config';
import { redisOptionsFromUrl } from '../redis';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QueueConnectionLogger } from './queue-connection-logger';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './queue-names';

/** BullMQ on the configured Redis, with the portal's queues registered. Shared by api and worker. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        connection: redisOptionsFromUrl(config.get('REDIS_URL'), 'queue'),
        prefix: config.get('REDIS_PREFIX'),
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(
      { name: QUEUES.system },
      { name: QUEUES.reminders },
      { name: QUEUES.email },
      { name: QUEUES.statistics },
      { name: QUEUES.accounts },
      { name: QUEUES.retention },
      { name: QUEUES.dsptList },
      { name: QUEUES.notifications },
    ),
  ],
  providers: [QueueConnectionLogger],
  exports: [BullModule],
})
export class QueueModule {}
