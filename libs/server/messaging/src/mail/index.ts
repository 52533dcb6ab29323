export * from './mail-message';
export * from './mail-transport';
export * from './mail.module';
export * from './mail.service';
export * from './smtp-failure';
