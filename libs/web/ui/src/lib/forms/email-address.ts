import { type SchemaPath, email, required } from '@angular/forms/signals';

export const EMAIL_FORMAT_MESSAGE = 'Enter an email address in the correct format, like name@example.com';

/** Rules for an email address field: in the right format, and there at all when `requiredMessage` is given. */
export function validateEmailAddress(path: SchemaPath<string>, requiredMessage?: string): void {
  if (requiredMessage) {
    required(path, { message: requiredMessage });
  }
  email(path, { message: EMAIL_FORMAT_MESSAGE });
}
