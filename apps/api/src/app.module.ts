import { AssessmentsModule } from '@dspt/server/assessments';
import { AuditModule } from '@dspt/server/audit';
import { AuthModule } from '@dspt/server/auth';
import { CaseworkModule } from '@dspt/server/casework';
import { CoverageModule } from '@dspt/server/lsp-coverage';
import { AppConfigModule, type Environment } from '@dspt/server/config';
import { DatabaseModule } from '@dspt/server/database';
import { DsptListModule } from '@dspt/server/dspt-list';
import { HealthModule } from '@dspt/server/health';
import { InputSafetyModule, WebHostingModule } from '@dspt/server/http';
import { LoggingModule } from '@dspt/server/logging';
import { MailModule } from '@dspt/server/mail';
import { PrivacyModule } from '@dspt/server/privacy';
import { ProviderImportsModule } from '@dspt/server/provider-imports';
import { ProviderPageModule } from '@dspt/server/provider-page';
import { ProvidersModule } from '@dspt/server/providers';
import { SystemJobsModule } from '@dspt/server/queue';
import { QueueDashboardModule } from '@dspt/server/queue-dashboard';
import { QuestionSetsModule } from '@dspt/server/question-sets';
import { RedisModule } from '@dspt/server/redis';
import { StatisticsModule } from '@dspt/server/statistics';
import { RemindersModule } from '@dspt/server/reminders';
import { TemplatesModule } from '@dspt/server/templates';
import { TenancyModule } from '@dspt/server/tenancy';
import { TenantsModule } from '@dspt/server/tenants';
import { UsersModule } from '@dspt/server/users';
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
