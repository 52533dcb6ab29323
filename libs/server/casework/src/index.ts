export * from './lib/casework.module';
export * from './lib/task-overdue';
