export * from './lib/caseload.routes';
