import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { FormField, type FieldTree } from '@angular/forms/signals';
import { FormDirective } from './form.directive';
import { visibleError } from './visible-error';

export interface RadioOption {
  value: string;
  label: string;
  hint?: string;
}

/** NHS.UK radios in a fieldset, bound to one field of a signal form. */
@Component({
  selector: 'dspt-radios',
  imports: [FormField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="error()">
      <fieldset class="nhsuk-fieldset" [attr.aria-describedby]="describedBy()">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{{ legend() }}</legend>
        @if (hint()) {
          <div class="nhsuk-hint" [id]="idPrefix() + '-hint'">{{ hint() }}</div>
        }
        @if (error(); as message) {
          <span class="nhsuk-error-message" [id]="idPrefix() + '-error'">
            <span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}
          </span>
        }
        <div class="nhsuk-radios">
          @for (option of options(); track option.value; let index = $index) {
            <div class="nhsuk-radios__item">
              <input
                class="nhsuk-radios__input"
                type="radio"
                [id]="idPrefix() + '-' + option.value"
                [value]="option.value"
                [formField]="field()"
                [attr.aria-invalid]="error() ? 'true' : null"
                [attr.aria-describedby]="option.hint ? idPrefix() + '-' + option.value + '-hint' : null"
              />
              <label class="nhsuk-label nhsuk-radios__label" [for]="idPrefix() + '-' + option.value">{{
                option.label
              }}</label>
              @if (option.hint) {
                <div class="nhsuk-hint nhsuk-radios__hint" [id]="idPrefix() + '-' + option.value + '-hint'">
                  {{ option.hint }}
                </div>
              }
            </div>
          }
        </div>
      </fieldset>
    </div>
  `,
})
export class Radios {
  private readonly form = inject(FormDirective, { optional: true });

  readonly legend = input.required<string>();
  readonly idPrefix = input.required<string>();
  readonly field = input.required<FieldTree<string>>();
  readonly options = input.required<readonly RadioOption[]>();
  readonly hint = input<string>();

  protected readonly error = computed(() => visibleError(this.field(), this.form));
  protected readonly describedBy = computed(
    () =>
      [this.hint() ? `${this.idPrefix()}-hint` : null, this.error() ? `${this.idPrefix()}-error` : null]
        .filter(Boolean)
        .join(' ') || null,
  );
}
