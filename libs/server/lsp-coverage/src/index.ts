export * from './lib/coverage.module';
