export * from './lib/provider-page.module';
export * from './lib/provider-page.service';
