export * from './queue-dashboard.module';
