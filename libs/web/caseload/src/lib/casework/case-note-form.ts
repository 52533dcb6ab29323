import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { form, maxLength, required } from '@angular/forms/signals';
import type { CaseNote } from '@dspt/contracts';
import { CASE_NOTE_KINDS, isOneOf } from '@dspt/domain';
import { CASE_NOTE_KIND_LABELS } from '@dspt/web/core';
import { ErrorSummary, FormDirective, FormSubmission, SelectField, TextField, TextareaField, labelledOptions } from '@dspt/web/ui';
import { CaseloadApi, type ProviderRef } from '../api/caseload.api';
import { localDateTime, notInFuture } from '../calendar';

const KIND_OPTIONS = labelledOptions(CASE_NOTE_KINDS, CASE_NOTE_KIND_LABELS);

interface NoteModel {
  kind: string;
  body: string;
  occurredAt: string;
}

const emptyNote = (): NoteModel => ({ kind: '', body: '', occurredAt: localDateTime(new Date()) });

/** Logs a call, email, meeting, visit or plain note; the latest one is the provider's last contact. */
@Component({
  selector: 'dspt-case-note-form',
  imports: [ErrorSummary, FormDirective, SelectField, TextField, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="note-form">
      <dspt-select-field label="Type of note" controlId="note-kind" placeholder="Select the type" [options]="kindOptions" [field]="noteForm.kind" />
      <dspt-textarea-field label="What happened" controlId="note-body" [field]="noteForm.body" />
      <dspt-text-field
        label="When"
        controlId="note-when"
        hint="For a call or visit earlier on, change this to when it happened."
        type="datetime-local"
        [width]="20"
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
    required(path.occurredAt, { message: 'Enter when it happened' });
    notInFuture(path.occurredAt, 'When it happened must be now or in the past');
  });
  protected readonly submission = new FormSubmission(this.noteForm, (value) => this.add(value));

  private async add({ kind, body, occurredAt }: NoteModel): Promise<void> {
    if (!isOneOf(CASE_NOTE_KINDS, kind)) {
      return;
    }
    const note = await this.api.addNote(this.ref(), { kind, body: body.trim(), occurredAt: new Date(occurredAt).toISOString() });
    this.submission.reset(emptyNote());
    this.added.emit(note);
  }
}
