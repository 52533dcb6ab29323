import { Module } from '@nestjs/common';
import { QueueModule } from './queue.module';
import { SystemJobsController } from './system-jobs.controller';
import { SystemJobsService } from './system-jobs.service';

/** Api side: lets the api enqueue system jobs. */
@Module({
  imports: [QueueModule],
  controllers: [SystemJobsController],
  providers: [SystemJobsService],
})
export class SystemJobsModule {}
