export * from './lib/app-config.schema';
export * from './lib/app-config.module';
export * from './lib/app-config.service';
export * from './lib/clock';
export * from './lib/parse-app-config';
