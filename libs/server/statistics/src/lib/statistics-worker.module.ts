import { QueueModule } from '@dspt/server/platform';
import { TenancyModule } from '@dspt/server/data';
import { Module } from '@nestjs/common';
import { SnapshotService } from './snapshot.service';
import { StatisticsJobsProcessor } from './statistics-jobs.processor';

/** Worker side: the daily completion snapshot. */
@Module({
  imports: [QueueModule, TenancyModule],
  providers: [SnapshotService, StatisticsJobsProcessor],
  exports: [SnapshotService],
})
export class StatisticsWorkerModule {}
