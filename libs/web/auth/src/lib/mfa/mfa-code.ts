import { type SchemaPath, validate } from '@angular/forms/signals';

/** Codes as users type them: spaces (authenticator apps show "123 456") do not count. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '');
}

const TOTP_CODE = /^\d{6}$/;
const RECOVERY_CODE = /^[a-z0-9]{5}-?[a-z0-9]{5}$/i;

/** Rules for a 6-digit code from an authenticator app. */
export function validateTotpCode(path: SchemaPath<string>): void {
  validate(path, ({ value }) => {
    const code = normaliseCode(value());
    if (code === '') {
      return { kind: 'required', message: 'Enter the 6-digit code from your authenticator app' };
    }
    return TOTP_CODE.test(code)
      ? null
      : { kind: 'pattern', message: 'The code must be 6 digits, like 123456' };
  });
}

/** Rules for a one-time recovery code, shown as `abcde-12345`. */
export function validateRecoveryCode(path: SchemaPath<string>): void {
  validate(path, ({ value }) => {
    const code = normaliseCode(value());
    if (code === '') {
      return { kind: 'required', message: 'Enter one of your recovery codes' };
    }
    return RECOVERY_CODE.test(code)
      ? null
      : { kind: 'pattern', message: 'A recovery code is 10 letters and numbers, like abcde-12345' };
  });
}

