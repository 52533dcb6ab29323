import { Module } from '@nestjs/common';
import { AssessmentRecalculator } from './assessment-recalculator';
import { CyclesService } from './cycles.service';

/** Cycles, per-question progress, blockers and publications. */
@Module({
  providers: [CyclesService, AssessmentRecalculator],
  exports: [CyclesService, AssessmentRecalculator],
})
export class AssessmentsModule {}
