import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  linkedSignal,
  model,
  output,
  viewChild,
} from '@angular/core';
import type { FormValueControl, ValidationError } from '@angular/forms/signals';
import { type DatePart, type DateParts, dateEntryProblem, datePartsFrom, dateValueFrom } from './date-entry';
import { FormDirective } from './form.directive';

const PARTS: readonly { part: DatePart; label: string; width: 2 | 4 }[] = [
  { part: 'day', label: 'Day', width: 2 },
  { part: 'month', label: 'Month', width: 2 },
  { part: 'year', label: 'Year', width: 4 },
];

/**
 * The NHS.UK date input: day, month and year boxes in a fieldset, one error message for the group, and
 * `aria-invalid` on the boxes that are wrong (all three when the date is real but not allowed). Bound to a
 * string field of a signal form holding a day as the API writes it (2026-08-09); add `realDate(path, label)`
 * to the form's rules so a date that is not real is refused in words.
 *
 * ```html
 * <dspt-date-field legend="Due date" controlId="task-due" hint="For example, 15 3 2027" [formField]="form.dueOn" />
 * ```
 */
@Component({
  selector: 'dspt-date-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[id]': 'controlId()' },
  template: `
    <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="error()">
      <fieldset class="nhsuk-fieldset" role="group" [attr.aria-describedby]="describedBy()">
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{{ legend() }}</legend>
        <div class="nhsuk-hint" [id]="controlId() + '-hint'">{{ hint() }}</div>
        @if (error(); as message) {
          <span class="nhsuk-error-message" [id]="controlId() + '-error'">
            <span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}
          </span>
        }
        <div class="nhsuk-date-input">
          @for (box of boxes; track box.part) {
            <div class="nhsuk-date-input__item">
              <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-date-input__label" [for]="controlId() + '-' + box.part">{{
                  box.label
                }}</label>
                <input
                  class="nhsuk-input nhsuk-date-input__input"
                  [class.nhsuk-input--width-2]="box.width === 2"
                  [class.nhsuk-input--width-4]="box.width === 4"
                  [class.nhsuk-input--error]="wrong().includes(box.part)"
                  [attr.aria-invalid]="wrong().includes(box.part) ? 'true' : null"
                  [id]="controlId() + '-' + box.part"
                  [name]="controlId() + '-' + box.part"
                  type="text"
                  inputmode="numeric"
                  [value]="parts()[box.part]"
                  [disabled]="disabled()"
                  (input)="typed(box.part, $any($event.target).value)"
                  (blur)="touch.emit()"
                  #box
                />
              </div>
            </div>
          }
        </div>
      </fieldset>
    </div>
  `,
})
export class DateField implements FormValueControl<string> {
  private readonly form = inject(FormDirective, { optional: true });
  private readonly firstBox = viewChild<ElementRef<HTMLInputElement>>('box');

  readonly legend = input.required<string>();
  readonly controlId = input.required<string>();
  readonly hint = input('For example, 15 3 2027');

  // Bound by [formField].
  readonly value = model('');
  readonly errors = input<readonly ValidationError.WithOptionalFieldTree[]>([]);
  readonly touched = input(false);
  readonly disabled = input(false);
  readonly touch = output<void>();

  protected readonly boxes = PARTS;
  /** What is in the boxes; read again from the value when the form sets it (a reset). */
  protected readonly parts = linkedSignal<string, DateParts>({
    source: this.value,
    computation: (value, previous) =>
      previous && dateValueFrom(previous.value) === value ? previous.value : datePartsFrom(value),
  });

  /** The group's one message: once the user tried to submit the form (or, outside a form, left a box). */
  protected readonly error = computed(() => {
    const shown = this.form ? this.form.submission().attempted() : this.touched();
    const [first] = this.errors();
    return shown && first ? (first.message ?? 'Check this date') : null;
  });
  /** The boxes to mark: those the problem is in, or all three for a real date that a rule refused. */
  protected readonly wrong = computed<readonly DatePart[]>(() => {
    if (!this.error()) {
      return [];
    }
    return dateEntryProblem(this.value(), this.legend())?.parts ?? ['day', 'month', 'year'];
  });
  protected readonly describedBy = computed(() =>
    [`${this.controlId()}-hint`, this.error() ? `${this.controlId()}-error` : null].filter(Boolean).join(' '),
  );

  protected typed(part: DatePart, text: string): void {
    const parts = { ...this.parts(), [part]: text };
    this.parts.set(parts);
    this.value.set(dateValueFrom(parts));
  }

  /** Signal forms and the error summary focus the field: its first box. */
  focus(options?: FocusOptions): void {
    this.firstBox()?.nativeElement.focus(options);
  }
}
