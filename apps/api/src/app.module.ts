import {
  AssessmentsModule,
  CaseworkModule,
  ProviderImportsModule,
  ProvidersModule,
  QuestionSetsModule,
} from '@dspt/server/caseload';
import { AuditModule, DatabaseModule, TenancyModule } from '@dspt/server/data';
import { AuthModule, QueueDashboardModule, TenantsModule, UsersModule } from '@dspt/server/identity';
import { CoverageModule, DsptListModule } from '@dspt/server/reconciliation';
import {
  AppConfigModule,
  type Environment,
  HealthModule,
  InputSafetyModule,
  WebHostingModule,
  LoggingModule,
  SystemJobsModule,
  RedisModule,
} from '@dspt/server/platform';
import { MailModule, TemplatesModule } from '@dspt/server/messaging';
import { PrivacyModule } from '@dspt/server/privacy';
import { ProviderPageModule } from './provider-page';
import { StatisticsModule } from '@dspt/server/statistics';
import { RemindersModule } from '@dspt/server/reminders';
import { type DynamicModule, Module } from '@nestjs/common';

/** The HTTP API: composed only of library modules. */
@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(env),
        LoggingModule,
        // Before any module whose middleware reads the request (sessions, XSRF): hostile input stops here.
        InputSafetyModule,
        DatabaseModule,
        RedisModule,
        MailModule,
        TenancyModule,
        AuditModule,
        AuthModule,
        UsersModule,
        TenantsModule,
        QuestionSetsModule,
        ProvidersModule,
        ProviderImportsModule,
        CoverageModule,
        AssessmentsModule,
        DsptListModule,
        CaseworkModule,
        StatisticsModule,
        HealthModule,
        SystemJobsModule,
        TemplatesModule,
        RemindersModule,
        ProviderPageModule,
        PrivacyModule,
        QueueDashboardModule,
        WebHostingModule.forRoot(),
      ],
    };
  }
}
