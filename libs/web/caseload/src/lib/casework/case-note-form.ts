import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormField, form, maxLength, required, validate } from '@angular/forms/signals';
import type { CaseNote } from '@dspt/contracts';
import { CASE_NOTE_KINDS, isOneOf } from '@dspt/domain';
import { CASE_NOTE_KIND_LABELS, clockTimeFrom, londonClockTime, londonToday, ukInstant } from '@dspt/web/core';
import {
  DateField,
  ErrorSummary,
  FormDirective,
  FormSubmission,
  SelectField,
  TextField,
  TextareaField,
  isRealDay,
  labelledOptions,
  realDate,
} from '@dspt/web/ui';
import { CaseloadApi, type ProviderRef } from '../api/caseload.api';
import { dayNotInFuture } from '../calendar';

const KIND_OPTIONS = labelledOptions(CASE_NOTE_KINDS, CASE_NOTE_KIND_LABELS);

interface NoteModel {
  kind: string;
  body: string;
  /** The day and time it happened, on a UK clock. */
  occurredOn: string;
  occurredAt: string;
}

const emptyNote = (): NoteModel => ({ kind: '', body: '', occurredOn: londonToday(), occurredAt: londonClockTime() });

/** Logs a call, email, meeting, visit or plain note; the latest one is the provider's last contact. */
@Component({
  selector: 'dspt-case-note-form',
  imports: [DateField, ErrorSummary, FormDirective, FormField, SelectField, TextField, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="note-form">
      <dspt-select-field
        label="Type of note"
        controlId="note-kind"
        placeholder="Select the type"
        [options]="kindOptions"
        [field]="noteForm.kind"
      />
      <dspt-textarea-field label="What happened" controlId="note-body" [field]="noteForm.body" />
      <dspt-date-field
        legend="Date it happened"
        controlId="note-date"
        hint="For a call or visit earlier on, change this to when it happened. For example, 15 3 2027"
        [formField]="noteForm.occurredOn"
      />
      <dspt-text-field
        label="Time it happened"
        controlId="note-time"
        hint="UK time, for example 2:30pm or 14:30"
        [width]="10"
        [field]="noteForm.occurredAt"
      />
      <button class="nhsuk-button" type="submit">Add note</button>
    </form>
  `,
})
export class CaseNoteForm {
  private readonly api = inject(CaseloadApi);

  readonly ref = input.required<ProviderRef>();
  readonly added = output<CaseNote>();

  protected readonly kindOptions = KIND_OPTIONS;
  protected readonly noteForm = form(signal<NoteModel>(emptyNote()), (path) => {
    required(path.kind, { message: 'Select the type of note' });
    required(path.body, { message: 'Enter what happened' });
    maxLength(path.body, 10_000, { message: 'The note must be 10,000 characters or fewer' });
    required(path.occurredOn, { message: 'Enter the date it happened' });
    realDate(path.occurredOn, 'Date it happened');
    dayNotInFuture(path.occurredOn, 'Date it happened must be today or in the past');
    required(path.occurredAt, { message: 'Enter the time it happened' });
    validate(path.occurredAt, ({ value, valueOf }) => {
      const time = clockTimeFrom(value());
      if (value() && !time) {
        return { kind: 'time', message: 'Enter the time it happened like 2:30pm or 14:30' };
      }
      const day = valueOf(path.occurredOn);
      return time && isRealDay(day) && ukInstant(day, time).getTime() > Date.now()
        ? { kind: 'future', message: 'Time it happened must be now or in the past' }
        : undefined;
    });
  });
  protected readonly submission = new FormSubmission(this.noteForm, (value) => this.add(value));

  private async add({ kind, body, occurredOn, occurredAt }: NoteModel): Promise<void> {
    const time = clockTimeFrom(occurredAt);
    if (!isOneOf(CASE_NOTE_KINDS, kind) || !time) {
      return;
    }
    const note = await this.api.addNote(this.ref(), {
      kind,
      body: body.trim(),
      occurredAt: ukInstant(occurredOn, time).toISOString(),
    });
    this.submission.reset(emptyNote());
    this.added.emit(note);
  }
}
