import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { FieldTree } from '@angular/forms/signals';
import { TextField } from '@dspt/web/ui';

/**
 * The field for a second-factor code, inside a `dsptForm`: a 6-digit code from the authenticator app
 * (`kind="totp"`: a numeric keyboard, and one-time-code autofill from the phone), or a recovery code
 * (`kind="recovery"`: letters and digits, never autocorrected).
 */
@Component({
  selector: 'dspt-mfa-code-field',
  imports: [TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-text-field
      [label]="label()"
      [controlId]="controlId()"
      [hint]="hint()"
      [isPageHeading]="isPageHeading()"
      [width]="isTotp() ? 10 : 20"
      [autocomplete]="isTotp() ? 'one-time-code' : 'off'"
      [inputmode]="isTotp() ? 'numeric' : null"
      [autocapitalize]="isTotp() ? null : 'none'"
      [spellcheck]="false"
      [field]="field()"
    />
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
