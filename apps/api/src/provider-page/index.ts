export * from './provider-page.module';
export * from './provider-page.service';
