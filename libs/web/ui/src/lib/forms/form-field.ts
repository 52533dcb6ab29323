import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ReadonlyFieldTree } from '@angular/forms/signals';
import { FormDirective } from './form.directive';
import { visibleError } from './visible-error';

/**
 * An NHS.UK form group around one control: label, hint, error message, and the projected control, which
 * carries `dsptControl` to get its id, `aria-describedby` and error styling from here.
 *
 * ```html
 * <dspt-form-field label="Email address" controlId="email" [field]="form.email">
 *   <input class="nhsuk-input" dsptControl type="email" [formField]="form.email" />
 * </dspt-form-field>
 * ```
 */
@Component({
  selector: 'dspt-form-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="error()">
      @if (isPageHeading()) {
        <h1 class="nhsuk-label-wrapper">
          <label class="nhsuk-label nhsuk-label--l" [for]="controlId()">{{ label() }}</label>
        </h1>
      } @else {
        <label class="nhsuk-label" [for]="controlId()">{{ label() }}</label>
      }
      @if (hint()) {
        <div class="nhsuk-hint" [id]="hintId()">{{ hint() }}</div>
      }
      @if (error(); as message) {
        <span class="nhsuk-error-message" [id]="errorId()">
          <span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}
        </span>
      }
      <ng-content />
    </div>
  `,
})
export class FormFieldGroup {
  private readonly form = inject(FormDirective, { optional: true });

  readonly label = input.required<string>();
  readonly controlId = input.required<string>();
  readonly field = input.required<ReadonlyFieldTree<unknown>>();
  readonly hint = input<string>();
  /** For a page that asks one question: the label is the page's h1. */
  readonly isPageHeading = input(false);

  readonly error = computed(() => visibleError(this.field(), this.form));
  readonly hintId = computed(() => `${this.controlId()}-hint`);
  readonly errorId = computed(() => `${this.controlId()}-error`);
  readonly describedBy = computed(
    () => [this.hint() ? this.hintId() : null, this.error() ? this.errorId() : null].filter(Boolean).join(' ') || null,
  );
}
