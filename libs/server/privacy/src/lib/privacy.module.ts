import { ProviderImportsModule } from '@dspt/server/caseload';
import { QueueModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { DataSubjectPseudonym } from './data-subject-pseudonym';
import { ErasureController } from './erasure.controller';
import { ErasureService } from './erasure.service';
import { SubjectAccessController } from './subject-access.controller';
import { SubjectAccessService } from './subject-access.service';

/** People's UK GDPR requests to an LSP: erasure and subject access (docs/privacy.md). */
@Module({
  imports: [QueueModule, ProviderImportsModule],
  controllers: [ErasureController, SubjectAccessController],
  providers: [DataSubjectPseudonym, ErasureService, SubjectAccessService],
})
export class PrivacyModule {}
