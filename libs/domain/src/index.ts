export * from './lib/assessment-cycle';
export * from './lib/question-level';
export * from './lib/regions';
