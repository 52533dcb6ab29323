export * from './lib/password-hasher';
export * from './lib/secret-cipher';
