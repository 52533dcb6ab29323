export * from './lib/email-settings.service';
export * from './lib/email-templates.service';
export * from './lib/templates.module';
