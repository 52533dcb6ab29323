export * from './lib/data-source-options';
export * from './lib/database.module';
export * from './lib/ensure-database';
export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/seed/caseload-seed';
export * from './lib/seed/demo-seed';
export * from './lib/seed/question-set';
