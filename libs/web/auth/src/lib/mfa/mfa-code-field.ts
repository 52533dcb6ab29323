import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { type FieldTree, FormField } from '@angular/forms/signals';
import { FormControlDirective, FormFieldGroup } from '@dspt/web/ui';

/**
 * The field for a second-factor code, inside a `dsptForm`: a 6-digit code from the authenticator app
 * (`kind="totp"`: a numeric keyboard, and one-time-code autofill from the phone), or a recovery code
 * (`kind="recovery"`: letters and digits, never autocorrected).
 */
@Component({
  selector: 'dspt-mfa-code-field',
  imports: [FormControlDirective, FormField, FormFieldGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-form-field [label]="label()" [controlId]="controlId()" [hint]="hint()" [isPageHeading]="isPageHeading()" [field]="field()">
      <input
        class="nhsuk-input"
        [class.nhsuk-input--width-10]="isTotp()"
        [class.nhsuk-input--width-20]="!isTotp()"
        dsptControl
        type="text"
        [attr.inputmode]="isTotp() ? 'numeric' : null"
        [attr.autocomplete]="isTotp() ? 'one-time-code' : 'off'"
        [attr.autocapitalize]="isTotp() ? null : 'none'"
        spellcheck="false"
        [formField]="field()"
      />
    </dspt-form-field>
  `,
})
export class MfaCodeField {
  readonly field = input.required<FieldTree<string>>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly kind = input<'totp' | 'recovery'>('totp');
  readonly controlId = input('code');
  /** For a page that asks only for the code: the label is the page's h1. */
  readonly isPageHeading = input(false);

  protected readonly isTotp = computed(() => this.kind() === 'totp');
}
