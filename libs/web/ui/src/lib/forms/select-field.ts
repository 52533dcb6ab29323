import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FieldTree, FormField } from '@angular/forms/signals';
import { FormControlDirective } from './form-control.directive';
import { FormFieldGroup } from './form-field';

/** One choice of a `dspt-select-field`. */
export interface SelectOption {
  value: string;
  label: string;
}

/**
 * An NHS.UK select in its form group, bound to a string field of a signal form. With a `placeholder`,
 * a first option with the value '' stands for "nothing chosen" ("Any status", "Select a region").
 *
 * ```html
 * <dspt-select-field label="Region" controlId="region" placeholder="Select a region" [options]="regions" [field]="form.region" />
 * ```
 */
@Component({
  selector: 'dspt-select-field',
  imports: [FormControlDirective, FormField, FormFieldGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-form-field [label]="label()" [controlId]="controlId()" [hint]="hint()" [field]="field()">
      <select class="nhsuk-select" dsptControl [formField]="field()">
        @if (placeholder() !== null) {
          <option value="">{{ placeholder() }}</option>
        }
        @for (option of options(); track option.value) {
          <option [value]="option.value">{{ option.label }}</option>
        }
      </select>
    </dspt-form-field>
  `,
})
export class SelectField {
  readonly label = input.required<string>();
  readonly controlId = input.required<string>();
  readonly field = input.required<FieldTree<string>>();
  readonly options = input.required<readonly SelectOption[]>();
  /** The text of the '' option; null for none. */
  readonly placeholder = input<string | null>(null);
  readonly hint = input<string>();
}

/** Options for a select or radios from a list of values and their labels, in the list's order. */
export function labelledOptions<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
): SelectOption[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
