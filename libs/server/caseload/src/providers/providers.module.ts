import { AssessmentsModule } from '../assessments';
import { QueueModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CaseloadExportService } from './caseload-export.service';
import { CaseloadController } from './caseload.controller';
import { CaseloadService } from './caseload.service';
import { OdsCodeCheckService } from './ods-code-check.service';
import { ProviderChecks } from './provider-checks';
import { ProviderContactsController } from './provider-contacts.controller';
import { ProviderContactsService } from './provider-contacts.service';
import { ProviderReader } from './provider-reader';
import { ProviderTransferController } from './provider-transfer.controller';
import { ProviderTransferService } from './provider-transfer.service';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';
import { ProgrammeTransferRequestsController, TransferRequestsController } from './transfer-requests.controller';
import { TransferRequestsService } from './transfer-requests.service';
import { TriageChangeInterceptor } from './triage-change.interceptor';
import { TriageFreshness } from './triage-freshness';

/** Providers and their contacts, the caseload list with triage and its export, and transfers between LSPs. */
@Module({
  imports: [AssessmentsModule, QueueModule],
  // CaseloadController first: its fixed paths (providers/export, providers/assign) must be matched before providers/:providerId.
  controllers: [
    CaseloadController,
    ProvidersController,
    ProviderContactsController,
    ProviderTransferController,
    TransferRequestsController,
    ProgrammeTransferRequestsController,
  ],
  providers: [
    ProvidersService,
    ProviderContactsService,
    CaseloadService,
    CaseloadExportService,
    ProviderTransferService,
    TransferRequestsService,
    ProviderReader,
    ProviderChecks,
    OdsCodeCheckService,
    TriageFreshness,
    { provide: APP_INTERCEPTOR, useClass: TriageChangeInterceptor },
  ],
  exports: [ProvidersService, ProviderReader, ProviderChecks, TransferRequestsService],
})
export class ProvidersModule {}
