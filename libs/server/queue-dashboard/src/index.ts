export * from './lib/queue-dashboard.module';
