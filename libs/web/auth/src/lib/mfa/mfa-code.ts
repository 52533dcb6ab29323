import { type SchemaPath, validate } from '@angular/forms/signals';

/** Codes as users type them: spaces (authenticator apps show "123 456") do not count. */
export function normaliseCode(code: string): string {
  return code.replace(/\s+/g, '');
}

/** What a kind of code looks like once normalised, and what to say when it is missing or wrong. */
interface CodeRule {
  pattern: RegExp;
  missing: string;
  malformed: string;
}

const TOTP_CODE: CodeRule = {
  pattern: /^\d{6}$/,
  missing: 'Enter the 6-digit code from your authenticator app',
  malformed: 'The code must be 6 digits, like 123456',
};

const RECOVERY_CODE: CodeRule = {
  pattern: /^[a-z0-9]{5}-?[a-z0-9]{5}$/i,
  missing: 'Enter one of your recovery codes',
  malformed: 'A recovery code is 10 letters and numbers, like abcde-12345',
};

function validateCode(path: SchemaPath<string>, rule: CodeRule): void {
  validate(path, ({ value }) => {
    const code = normaliseCode(value());
    if (code === '') {
      return { kind: 'required', message: rule.missing };
    }
    return rule.pattern.test(code) ? null : { kind: 'pattern', message: rule.malformed };
  });
}

/** Rules for a 6-digit code from an authenticator app. */
export function validateTotpCode(path: SchemaPath<string>): void {
  validateCode(path, TOTP_CODE);
}

/** Rules for a one-time recovery code, shown as `abcde-12345`. */
export function validateRecoveryCode(path: SchemaPath<string>): void {
  validateCode(path, RECOVERY_CODE);
}
