export * from './lib/caseload.routes';
export { CqcRegisterPage } from './lib/cqc-coverage/cqc-register-page';
export { LocalAuthoritiesForm } from './lib/cqc-coverage/local-authorities-form';
export { ProgrammeTransfersPage } from './lib/transfers/programme-transfers-page';
