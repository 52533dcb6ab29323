import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUES } from './queue-names';

/**
 * Reports Redis connection errors of every queue once per distinct message, instead of BullMQ's default
 * of printing each reconnect attempt to the console. The health check shows the outage meanwhile.
 */
@Injectable()
export class QueueConnectionLogger implements OnModuleInit {
  private readonly logger = new Logger('Queue');
  private lastMessage = '';

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.on('error', (error: Error) => {
        if (error.message !== this.lastMessage) {
          this.lastMessage = error.message;
          this.logger.warn(`Queue "${name}" cannot reach Redis: ${error.message}`);
        }
      });
    }
  }
}
