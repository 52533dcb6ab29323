import { Unavailable } from '@dspt/domain';
import type { QueueRoundTrip } from '@dspt/contracts';
import { AppConfigService } from '../config';
import { redisOptionsFromUrl } from '../redis';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue, QueueEvents } from 'bullmq';
import { QUEUES, SYSTEM_JOBS } from './queue-names';
import type { EchoResult } from './system-jobs.processor';

const ROUND_TRIP_TIMEOUT_MS = 10_000;

/** Api side of the system queue: enqueue a job and wait for a worker to answer. */
@Injectable()
export class SystemJobsService implements OnModuleDestroy {
  private queueEvents?: QueueEvents;

  constructor(
    @InjectQueue(QUEUES.system) private readonly queue: Queue,
    private readonly config: AppConfigService,
  ) {}

  async roundTrip(): Promise<QueueRoundTrip> {
    const startedAt = performance.now();
    const events = await this.events();
    // Kept a minute after it finishes: a worker may answer before waitUntilFinished listens, and then its
    // check of the job's state must find the answer (a job already removed reads as failed).
    const job = await this.queue.add(SYSTEM_JOBS.echo, {}, { attempts: 1, removeOnComplete: { age: 60 } });
    try {
      const result = (await job.waitUntilFinished(events, ROUND_TRIP_TIMEOUT_MS)) as EchoResult;
      return { jobId: job.id ?? '', processedBy: result, roundTripMs: Math.round(performance.now() - startedAt) };
    } catch {
      throw new Unavailable(
        `No worker answered within ${ROUND_TRIP_TIMEOUT_MS / 1000} seconds: is the worker running?`,
      );
    }
  }

  private async events(): Promise<QueueEvents> {
    if (!this.queueEvents) {
      this.queueEvents = new QueueEvents(QUEUES.system, {
        connection: redisOptionsFromUrl(this.config.get('REDIS_URL'), 'queue'),
        prefix: this.config.get('REDIS_PREFIX'),
      });
      await this.queueEvents.waitUntilReady();
    }
    return this.queueEvents;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queueEvents?.close();
  }
}
