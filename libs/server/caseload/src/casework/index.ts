export * from './case-notes.service';
export * from './casework.module';
export * from './task-overdue';
export * from './tasks.service';
