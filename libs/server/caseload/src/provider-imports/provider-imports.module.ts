import { AssessmentsModule } from '../assessments';
import { ProvidersModule } from '../providers';
import { SpreadsheetsModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { ImportProgressStore } from './import-progress.store';
import { ProviderImportController } from './provider-import.controller';
import { ProviderImportService } from './provider-import.service';
import { ProviderImporter } from './provider-importer';

/** Provider and contact imports from CSV/XLSX, with background progress for large files. */
@Module({
  imports: [AssessmentsModule, ProvidersModule, SpreadsheetsModule],
  controllers: [ProviderImportController],
  providers: [ProviderImporter, ProviderImportService, ImportProgressStore],
  exports: [ImportProgressStore],
})
export class ProviderImportsModule {}
