export * from './lib/caseload.routes';
export { LocalAuthoritiesForm } from './lib/cqc-coverage/local-authorities-form';

// The system admin's pages from this library: loaded when opened, not with the caseload's routes.
export const loadCqcRegisterPage = () =>
  import('./lib/cqc-coverage/cqc-register-page').then((page) => page.CqcRegisterPage);
export const loadProgrammeTransfersPage = () =>
  import('./lib/transfers/programme-transfers-page').then((page) => page.ProgrammeTransfersPage);
