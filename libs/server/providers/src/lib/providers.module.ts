import { AssessmentsModule } from '@dspt/server/assessments';
import { Module } from '@nestjs/common';
import { CaseloadController } from './caseload.controller';
import { CaseloadService } from './caseload.service';
import { ProviderChecks } from './provider-checks';
import { ProviderContactsController } from './provider-contacts.controller';
import { ProviderContactsService } from './provider-contacts.service';
import { ProviderReader } from './provider-reader';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

/** Providers and their contacts, and the caseload list with triage. */
@Module({
  imports: [AssessmentsModule],
  controllers: [CaseloadController, ProvidersController, ProviderContactsController],
  providers: [ProvidersService, ProviderContactsService, CaseloadService, ProviderReader, ProviderChecks],
  exports: [ProvidersService, ProviderReader, ProviderChecks],
})
export class ProvidersModule {}
