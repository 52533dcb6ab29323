import { AuditModule } from '@dspt/server/audit';
import { AuthWorkerModule } from '@dspt/server/auth';
import { AppConfigModule, type Environment } from '@dspt/server/config';
import { DatabaseModule } from '@dspt/server/database';
import { DsptListWorkerModule } from '@dspt/server/dspt-list';
import { LoggingModule } from '@dspt/server/logging';
import { MailModule } from '@dspt/server/mail';
import { ProvidersWorkerModule } from '@dspt/server/providers';
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
        AuthWorkerModule,
        StatisticsWorkerModule,
        DsptListWorkerModule,
        ProvidersWorkerModule,
      ],
    };
  }
}
