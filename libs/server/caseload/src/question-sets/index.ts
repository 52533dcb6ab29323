export * from './question-sets.module';
