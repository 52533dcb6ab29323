export * from './email-settings.service';
export * from './email-templates.service';
export * from './templates.module';
