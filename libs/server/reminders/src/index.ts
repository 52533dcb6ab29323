export * from './lib/email-composer';
export { EmailRequestsService } from './lib/email-requests.service';
export * from './lib/reminder-audience';
export * from './lib/reminders.module';
export * from './lib/unsubscribe-token';
export * from './lib/retention.service';
