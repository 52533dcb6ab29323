import { AuditModule, DatabaseModule, TenancyModule } from '@dspt/server/data';
import { AuthWorkerModule } from '@dspt/server/identity';
import {
  AppConfigModule,
  type Environment,
  LoggingModule,
  SystemWorkerModule,
  RedisModule,
} from '@dspt/server/platform';
import { DsptListWorkerModule } from '@dspt/server/reconciliation';
import { MailModule } from '@dspt/server/messaging';
import { ProvidersWorkerModule } from '@dspt/server/caseload';
import { RemindersWorkerModule } from '@dspt/server/reminders';
import { StatisticsWorkerModule } from '@dspt/server/statistics';
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
