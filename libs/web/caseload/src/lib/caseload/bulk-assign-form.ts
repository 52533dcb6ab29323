import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { form, required, validate } from '@angular/forms/signals';
import { ErrorSummary, FormDirective, FormSubmission, SelectField, type SelectOption } from '@dspt/web/ui';
import { CaseloadApi } from '../api/caseload.api';
import { providerCount } from './provider-count';

const NOBODY = 'none';

/**
 * Assigns one adviser (or nobody) to the providers ticked in the table, all or nothing; says what it did
 * through `assigned`.
 */
@Component({
  selector: 'dspt-bulk-assign-form',
  imports: [ErrorSummary, FormDirective, SelectField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form class="nhsuk-u-margin-bottom-4" [dsptForm]="submission" data-testid="bulk-assign-form">
      <dspt-select-field
        label="Assign an adviser to the providers you ticked in the table"
        controlId="bulk-adviser"
        [hint]="selectionHint()"
        placeholder="Select an adviser"
        [options]="choices()"
        [field]="assignForm.adviser"
      />
      <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">Assign adviser</button>
    </form>
  `,
})
export class BulkAssignForm {
  private readonly api = inject(CaseloadApi);

  readonly slug = input.required<string>();
  readonly selected = input.required<readonly string[]>();
  readonly advisers = input.required<readonly SelectOption[]>();
  /** What was done, in words, once the API has done it. */
  readonly assigned = output<string>();

  protected readonly choices = computed(() => [...this.advisers(), { value: NOBODY, label: 'Nobody (unassign)' }]);
  protected readonly selectionHint = computed(() =>
    this.selected().length === 0
      ? 'Tick the providers in the table first.'
      : `${providerCount(this.selected().length)} selected.`,
  );
  protected readonly assignForm = form(signal({ adviser: '' }), (path) => {
    required(path.adviser, { message: 'Select the adviser to assign' });
    validate(path, () =>
      this.selected().length === 0
        ? { kind: 'no-selection', message: 'Select the providers to assign an adviser to' }
        : undefined,
    );
  });
  protected readonly submission = new FormSubmission(this.assignForm, ({ adviser }) => this.assign(adviser));

  private async assign(adviser: string): Promise<void> {
    const adviserId = adviser === NOBODY ? null : adviser;
    const result = await this.api.assign(this.slug(), { providerIds: [...this.selected()], adviserId });
    const name = this.choices()
      .find((choice) => choice.value === adviser)
      ?.label.replace(/ \(you\)$/, '');
    const providers = providerCount(result.assigned + result.unchanged);
    this.submission.reset({ adviser: '' });
    this.assigned.emit(
      adviserId ? `${name} is now the adviser of ${providers}.` : `The adviser was removed from ${providers}.`,
    );
  }
}
