import { AssessmentsModule, ProviderImportsModule } from '@dspt/server/caseload';
import { SpreadsheetsModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { CoverageController, CqcRegisterController, LocalAuthoritiesController } from './coverage.controller';
import { CoverageService } from './coverage.service';
import { CqcRegisterImportService } from './cqc-register-import.service';
import { LocalAuthoritiesService } from './local-authorities.service';

/** The CQC register, the local authorities each LSP covers, and its coverage of the register. */
@Module({
  imports: [AssessmentsModule, ProviderImportsModule, SpreadsheetsModule],
  controllers: [CqcRegisterController, LocalAuthoritiesController, CoverageController],
  providers: [CqcRegisterImportService, CoverageService, LocalAuthoritiesService],
})
export class CoverageModule {}
