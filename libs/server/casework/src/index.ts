export * from './lib/case-notes.service';
export * from './lib/casework.module';
export * from './lib/task-overdue';
export * from './lib/tasks.service';
