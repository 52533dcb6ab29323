export * from './lib/forecast-back-test';
export * from './lib/snapshot.service';
export * from './lib/statistics-worker.module';
export * from './lib/statistics.module';
export * from './lib/stats-database';
