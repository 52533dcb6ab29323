import { AssessmentsModule } from '@dspt/server/assessments';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CaseloadExportService } from './caseload-export.service';
import { CaseloadController } from './caseload.controller';
import { CaseloadService } from './caseload.service';
import { ProviderChecks } from './provider-checks';
import { ProviderContactsController } from './provider-contacts.controller';
import { ProviderContactsService } from './provider-contacts.service';
import { ProviderReader } from './provider-reader';
import { ProviderTransferController } from './provider-transfer.controller';
import { ProviderTransferService } from './provider-transfer.service';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';
import { TriageChangeInterceptor } from './triage-change.interceptor';
import { TriageFreshness } from './triage-freshness';

/** Providers and their contacts, the caseload list with triage and its export, and transfers between LSPs. */
@Module({
  imports: [AssessmentsModule],
  // CaseloadController first: its fixed paths (providers/export, providers/assign) must be matched before providers/:providerId.
  controllers: [CaseloadController, ProvidersController, ProviderContactsController, ProviderTransferController],
  providers: [
    ProvidersService,
    ProviderContactsService,
    CaseloadService,
    CaseloadExportService,
    ProviderTransferService,
    ProviderReader,
    ProviderChecks,
    TriageFreshness,
    { provide: APP_INTERCEPTOR, useClass: TriageChangeInterceptor },
  ],
  exports: [ProvidersService, ProviderReader, ProviderChecks],
})
export class ProvidersModule {}
