export * from './lib/data-subject-pseudonym';
export * from './lib/privacy.module';
