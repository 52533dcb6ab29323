export * from './lib/statistics.routes';
