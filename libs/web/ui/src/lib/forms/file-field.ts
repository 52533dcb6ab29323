import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FieldTree, FormField } from '@angular/forms/signals';
import { FileControlDirective } from './file-control.directive';
import { FormControlDirective } from './form-control.directive';
import { FormFieldGroup } from './form-field';

/**
 * An NHS.UK file upload in its form group, bound to a `File | null` field of a signal form.
 *
 * ```html
 * <dspt-file-field label="Upload a file" controlId="import-file" accept=".csv,.xlsx" [field]="form.file" />
 * ```
 */
@Component({
  selector: 'dspt-file-field',
  imports: [FileControlDirective, FormControlDirective, FormField, FormFieldGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-form-field [label]="label()" [controlId]="controlId()" [hint]="hint()" [field]="field()">
      <input
        class="nhsuk-file-upload__input"
        dsptControl
        dsptFile
        type="file"
        [attr.accept]="accept()"
        [formField]="field()"
      />
    </dspt-form-field>
  `,
})
export class FileField {
  readonly label = input.required<string>();
  readonly controlId = input.required<string>();
  readonly field = input.required<FieldTree<File | null>>();
  readonly hint = input<string>();
  /** The file types the browser offers first, as the input's `accept` (".csv,.xlsx"). */
  readonly accept = input<string>();
}
