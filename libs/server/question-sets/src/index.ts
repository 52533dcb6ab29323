export * from './lib/question-sets.module';
