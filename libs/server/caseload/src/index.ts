export * from './providers';
export * from './assessments';
export * from './casework';
export * from './provider-imports';
export * from './question-sets';
