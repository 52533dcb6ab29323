export * from './coverage.module';
