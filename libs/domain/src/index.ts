export * from './lib/access-control';
export * from './lib/assessment-cycle';
export * from './lib/password-policy';
export * from './lib/question-level';
export * from './lib/regions';
