// The public pages of signing in, and the fields they share with the account and password pages,
// apart from the rest of the library: the app loads them only when one is opened, so a signed-in
// user's first page does not wait for their code (or for @angular/forms).
export * from './lib/enrolment/mfa-enrolment-page';
export * from './lib/invitations/accept-invitation-page';
export * from './lib/mfa/mfa-code';
export * from './lib/mfa/mfa-code-field';
export * from './lib/mfa/mfa-page';
export * from './lib/passwords/new-password';
export * from './lib/recovery-codes/recovery-codes';
export * from './lib/sign-in/sign-in-page';
