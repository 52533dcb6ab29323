export * from './lib/password-hasher';
export * from './lib/secret-cipher';
export * from './lib/email-address-hasher';
