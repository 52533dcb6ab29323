import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FieldTree, FormField } from '@angular/forms/signals';
import { FormControlDirective } from './form-control.directive';
import { FormFieldGroup } from './form-field';

/** An NHS.UK textarea in its form group, bound to a string field of a signal form. */
@Component({
  selector: 'dspt-textarea-field',
  imports: [FormControlDirective, FormField, FormFieldGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-form-field [label]="label()" [controlId]="controlId()" [hint]="hint()" [field]="field()">
      <textarea class="nhsuk-textarea" dsptControl [rows]="rows()" [formField]="field()"></textarea>
    </dspt-form-field>
  `,
})
export class TextareaField {
  readonly label = input.required<string>();
  readonly controlId = input.required<string>();
  readonly field = input.required<FieldTree<string>>();
  readonly hint = input<string>();
  readonly rows = input(5);
}
