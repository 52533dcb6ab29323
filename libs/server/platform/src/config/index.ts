export * from './app-config.schema';
export * from './app-config.module';
export * from './app-config.service';
export * from './clock';
export * from './parse-app-config';
