export * from './lib/email-composer';
export * from './lib/reminder-audience';
export * from './lib/reminders.module';
export * from './lib/unsubscribe-token';
