import { AuditModule } from '@dspt/server/audit';
import { AppConfigModule, type Environment } from '@dspt/server/config';
import { DatabaseModule } from '@dspt/server/database';
import { LoggingModule } from '@dspt/server/logging';
import { MailModule } from '@dspt/server/mail';
import { SystemWorkerModule } from '@dspt/server/queue';
import { RedisModule } from '@dspt/server/redis';
import { RemindersWorkerModule } from '@dspt/server/reminders';
import { StatisticsWorkerModule } from '@dspt/server/statistics';
import { TenancyModule } from '@dspt/server/tenancy';
import { type DynamicModule, Module } from '@nestjs/common';

/** The background worker: BullMQ processors over the same library modules as the api. */
@Module({})
export class WorkerModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(env),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        MailModule,
        TenancyModule,
        AuditModule,
        SystemWorkerModule,
        RemindersWorkerModule,
        StatisticsWorkerModule,
      ],
    };
  }
}
