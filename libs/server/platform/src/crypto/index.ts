export * from './password-hasher';
export * from './secret-cipher';
export * from './email-address-hasher';
