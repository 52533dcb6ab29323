export * from './lib/contacts/resubscribe-contacts';
export * from './lib/delivery-log/provider-emails';
export * from './lib/reminders.routes';
export * from './lib/templates/global-email-templates-page';
export * from './lib/templates/lsp-email-templates-page';
export * from './lib/unsubscribe/unsubscribe-page';
