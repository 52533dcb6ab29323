import { SpreadsheetsModule } from '@dspt/server/platform';
import { Module } from '@nestjs/common';
import { AssessmentController } from './assessment.controller';
import { AssessmentRecalculator } from './assessment-recalculator';
import { AssessmentService } from './assessment.service';
import { CyclesService } from './cycles.service';
import { ProgressImportService } from './progress-import.service';
import { PublicationsController } from './publications.controller';
import { PublicationsService } from './publications.service';
import { QuestionProgressWriter } from './question-progress-writer';

/** Cycles, per-question progress, blockers and publications. */
@Module({
  imports: [SpreadsheetsModule],
  controllers: [AssessmentController, PublicationsController],
  providers: [
    CyclesService,
    AssessmentRecalculator,
    QuestionProgressWriter,
    AssessmentService,
    PublicationsService,
    ProgressImportService,
  ],
  exports: [CyclesService, AssessmentRecalculator, AssessmentService, PublicationsService],
})
export class AssessmentsModule {}
