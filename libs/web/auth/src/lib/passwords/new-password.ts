import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FieldTree, type SchemaPath, minLength, required, validate } from '@angular/forms/signals';
import { PASSWORD_MIN_LENGTH } from '@dspt/domain';
import { TextField } from '@dspt/web/ui';

/** The rules for a new password as users read them; the API checks them too (and the common-password list). */
export const NEW_PASSWORD_HINT =
  `Use at least ${PASSWORD_MIN_LENGTH} characters, and not a common password or your email address. ` +
  'Three random words together make a strong password that is easy to remember.';

/** Rules for a new password and the same password typed again. */
export function validateNewPassword(password: SchemaPath<string>, confirmPassword: SchemaPath<string>): void {
  required(password, { message: 'Enter a password' });
  minLength(password, PASSWORD_MIN_LENGTH, {
    message: `Your password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  });
  required(confirmPassword, { message: 'Enter your password again' });
  validate(confirmPassword, ({ value, valueOf }) =>
    value() !== '' && value() !== valueOf(password)
      ? { kind: 'mismatch', message: 'The passwords do not match' }
      : null,
  );
}

/**
 * A new password and its confirmation, inside a `dsptForm` (ids `password` and `confirmPassword`, so the
 * API's `password` errors land on the first): the rules as a hint, and `new-password` autocomplete so
 * that password managers offer to make one up and save it.
 */
@Component({
  selector: 'dspt-new-password-fields',
  imports: [TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-text-field
      [label]="label()"
      controlId="password"
      [hint]="hint"
      type="password"
      autocomplete="new-password"
      [field]="password()"
    />
    <dspt-text-field
      [label]="confirmLabel()"
      controlId="confirmPassword"
      type="password"
      autocomplete="new-password"
      [field]="confirmPassword()"
    />
  `,
})
export class NewPasswordFields {
  readonly label = input.required<string>();
  readonly confirmLabel = input.required<string>();
  readonly password = input.required<FieldTree<string>>();
  readonly confirmPassword = input.required<FieldTree<string>>();

  protected readonly hint = NEW_PASSWORD_HINT;
}
