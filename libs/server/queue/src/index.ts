export * from './lib/queue-names';
export * from './lib/queue.module';
export * from './lib/system-jobs.module';
export * from './lib/system-jobs.processor';
export * from './lib/system-jobs.service';
export * from './lib/system-worker.module';
export * from './lib/worker-heartbeat-keys';
export * from './lib/worker-heartbeat.service';
