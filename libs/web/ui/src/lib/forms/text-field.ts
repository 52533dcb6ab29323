import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { type FieldTree, FormField } from '@angular/forms/signals';
import { FormControlDirective } from './form-control.directive';
import { FormFieldGroup } from './form-field';

/** NHS.UK fixed input widths, in characters. */
export type TextFieldWidth = 10 | 20 | 30;

/**
 * A one-line text input (text, email, password, search, or a date and time: a day alone is `dspt-date-field`) in its NHS.UK form group, bound to a string field of a
 * signal form: `dspt-form-field` with the `input` inside. `typed` gives the input's text at each change,
 * as the user types (the form's field may not have taken it in yet).
 *
 * ```html
 * <dspt-text-field label="Email address" controlId="email" type="email" autocomplete="username" [field]="form.email" />
 * ```
 */
@Component({
  selector: 'dspt-text-field',
  imports: [FormControlDirective, FormField, FormFieldGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-form-field
      [label]="label()"
      [controlId]="controlId()"
      [hint]="hint()"
      [isPageHeading]="isPageHeading()"
      [field]="field()"
    >
      <input
        class="nhsuk-input"
        [class.nhsuk-input--width-10]="width() === 10"
        [class.nhsuk-input--width-20]="width() === 20"
        [class.nhsuk-input--width-30]="width() === 30"
        dsptControl
        [type]="type()"
        [attr.autocomplete]="autocomplete()"
        [attr.inputmode]="inputmode()"
        [attr.autocapitalize]="autocapitalize()"
        [attr.spellcheck]="spellcheck()"
        [formField]="field()"
        (input)="typed.emit(control.value)"
        #control
      />
    </dspt-form-field>
  `,
})
export class TextField {
  readonly label = input.required<string>();
  readonly controlId = input.required<string>();
  readonly field = input.required<FieldTree<string>>();
  readonly hint = input<string>();
  /** For a page that asks one question: the label is the page's h1. */
  readonly isPageHeading = input(false);
  readonly type = input<'text' | 'email' | 'password' | 'search' | 'tel' | 'datetime-local'>('text');
  /** Full width (the NHS.UK default) unless set. */
  readonly width = input<TextFieldWidth>();
  readonly autocomplete = input<string | null>(null);
  readonly inputmode = input<string | null>(null);
  readonly autocapitalize = input<string | null>(null);
  /** `false` for what is not prose (addresses, codes, names), so browsers do not mark it as misspelt. */
  readonly spellcheck = input<boolean | null>(null);
  readonly typed = output<string>();
}
