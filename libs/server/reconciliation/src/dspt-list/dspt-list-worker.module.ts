import { AssessmentsModule } from '@dspt/server/caseload';
import {
  AppConfigService,
  DSPT_LIST_JOBS,
  DSPT_LIST_SCHEDULER_ID,
  QueueModule,
  QUEUES,
  SpreadsheetsModule,
} from '@dspt/server/platform';
import { TenancyModule } from '@dspt/server/data';
import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DsptListFetcher } from './dspt-list-fetcher';
import { DsptListImporter } from './dspt-list-importer';
import { DsptListPublisher } from './dspt-list-publisher';

/** Worker side of the `dspt-list` queue: the scheduled fetch. */
@Processor(QUEUES.dsptList)
export class DsptListProcessor extends WorkerHost {
  constructor(private readonly fetcher: DsptListFetcher) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name !== DSPT_LIST_JOBS.fetch) {
      throw new Error(`Unknown job "${job.name}" on the ${QUEUES.dsptList} queue`);
    }
    return this.fetcher.fetchAndImport();
  }
}

/**
 * The fetch's job scheduler follows the configuration at every worker start: upserted (fixed id, so N
 * workers leave one) when DSPT_LIST_URL is set, removed when it is not, so the fetch is off by default.
 */
@Injectable()
export class DsptListSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(DsptListSchedule.name);

  constructor(
    @InjectQueue(QUEUES.dsptList) private readonly queue: Queue,
    private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      if (this.config.get('DSPT_LIST_URL')) {
        const pattern = this.config.get('DSPT_LIST_FETCH_CRON');
        await this.queue.upsertJobScheduler(
          DSPT_LIST_SCHEDULER_ID,
          { pattern, tz: 'Europe/London' },
          { name: DSPT_LIST_JOBS.fetch },
        );
      } else {
        await this.queue.removeJobScheduler(DSPT_LIST_SCHEDULER_ID);
      }
    } catch (error) {
      this.logger.warn(`Could not set the DSPT status list schedule: ${(error as Error).message}`);
    }
  }
}

@Module({
  imports: [QueueModule, TenancyModule, SpreadsheetsModule, AssessmentsModule],
  providers: [DsptListImporter, DsptListPublisher, DsptListFetcher, DsptListProcessor, DsptListSchedule],
})
export class DsptListWorkerModule {}
