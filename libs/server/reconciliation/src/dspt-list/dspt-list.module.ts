import { AssessmentsModule, ImportProgressStore } from '@dspt/server/caseload';
import { SpreadsheetsModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { DsptListController } from './dspt-list.controller';
import { DsptListImporter } from './dspt-list-importer';
import { DsptListImportsService } from './dspt-list-imports.service';
import { DsptListPublisher } from './dspt-list-publisher';
import { ReconciliationController } from './reconciliation.controller';
import { ReconciliationService } from './reconciliation.service';

/** The DSPT status list: imports by a system admin, and each LSP's reconciliation with it. */
@Module({
  imports: [SpreadsheetsModule, AssessmentsModule],
  controllers: [DsptListController, ReconciliationController],
  providers: [DsptListImporter, DsptListPublisher, DsptListImportsService, ReconciliationService, ImportProgressStore],
  exports: [DsptListImporter],
})
export class DsptListModule {}
