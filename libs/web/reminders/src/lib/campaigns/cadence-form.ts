import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { form, required, validate } from '@angular/forms/signals';
import type { ReminderCadence } from '@dspt/contracts';
import { MAX_REMINDER_OFFSET_DAYS, MAX_REMINDER_STEPS } from '@dspt/domain';
import { ActionProblems, ErrorSummary, FormDirective, FormSubmission, TextField } from '@dspt/web/ui';
import { CampaignsApi } from '../api/campaigns.api';

/** The steps as the form shows them: "90, 30, 7". */
export function offsetsText(offsetsDays: readonly number[]): string {
  return offsetsDays.join(', ');
}

/** The days in "90, 30 7": null when any part is not a whole number. */
export function parseOffsets(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  return parts.every((part) => /^\d+$/.test(part)) ? parts.map(Number) : null;
}

const NOT_WHOLE_DAYS = 'Enter whole numbers of days, separated by commas, for example 90, 30, 7';

/**
 * For LSP admins: changes the cycle's reminder steps, or goes back to the defaults. The form checks only
 * that it has whole numbers; the API's rules (1 to 365 days, no repeats, at most 10, no new step whose
 * day has passed) come back on the field in its words.
 */
@Component({
  selector: 'dspt-cadence-form',
  imports: [ErrorSummary, FormDirective, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <dspt-error-summary [source]="resetProblems" />
    <form [dsptForm]="submission" data-testid="cadence-form">
      <dspt-text-field
        label="Days before the deadline"
        controlId="cadence-offsets"
        [hint]="hint"
        inputmode="numeric"
        [spellcheck]="false"
        [width]="20"
        [field]="cadenceForm.offsetsDays"
      />
      <div class="nhsuk-button-group">
        <button class="nhsuk-button" type="submit" [disabled]="submission.submitting()">Save the steps</button>
        @if (!cadence().isDefault) {
          <button
            class="nhsuk-button nhsuk-button--secondary"
            type="button"
            [disabled]="resetting()"
            (click)="useDefaults()"
          >
            Use the default steps ({{ defaults() }} days)
          </button>
        }
      </div>
    </form>
  `,
})
export class CadenceForm {
  private readonly api = inject(CampaignsApi);

  readonly slug = input.required<string>();
  readonly cadence = input.required<ReminderCadence>();
  readonly saved = output<ReminderCadence>();

  protected readonly hint =
    `Whole days from 1 to ${MAX_REMINDER_OFFSET_DAYS}, separated by commas, at most ${MAX_REMINDER_STEPS} steps. ` +
    'A step that falls on a weekend or bank holiday goes out on the next working day, at 9am.';
  protected readonly cadenceForm = form(signal({ offsetsDays: '' }), (path) => {
    required(path.offsetsDays, { message: 'Enter the days before the deadline that reminders go out' });
    validate(path.offsetsDays, ({ value }) =>
      value().trim() && parseOffsets(value()) === null ? { kind: 'offsets', message: NOT_WHOLE_DAYS } : undefined,
    );
  });
  protected readonly submission = new FormSubmission(this.cadenceForm, ({ offsetsDays }) =>
    this.save(parseOffsets(offsetsDays)),
  );
  protected readonly resetProblems = new ActionProblems();
  protected readonly resetting = signal(false);
  protected readonly defaults = computed(() => offsetsText(this.cadence().defaultOffsetsDays));

  constructor() {
    // The field shows the steps in force, again after each save.
    effect(() => {
      const offsets = offsetsText(this.cadence().offsetsDays);
      untracked(() => this.submission.reset({ offsetsDays: offsets }));
    });
  }

  protected async useDefaults(): Promise<void> {
    this.resetProblems.clear();
    this.resetting.set(true);
    try {
      this.saved.emit(await this.api.saveCadence(this.slug(), { cycle: this.cadence().cycle, offsetsDays: null }));
    } catch (failure: unknown) {
      this.resetProblems.report(failure);
    } finally {
      this.resetting.set(false);
    }
  }

  private async save(offsetsDays: number[] | null): Promise<void> {
    if (offsetsDays === null) {
      return;
    }
    this.saved.emit(await this.api.saveCadence(this.slug(), { cycle: this.cadence().cycle, offsetsDays }));
  }
}
