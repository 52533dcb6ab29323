import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { FieldTree } from '@angular/forms/signals';
import { ProgressBar } from '../progress-bar';
import { FileField } from './file-field';
import { FormDirective } from './form.directive';
import type { FormSubmission } from './form-submission';
import type { SpreadsheetFileModel } from './spreadsheet-file';

/** How far an upload's work in the background has gone, as a progress bar shows it. */
export interface UploadStage {
  label: string;
  percent: number;
  detail: string;
}

/**
 * A file upload form for work that may go on in the background: the file field and its button, then
 * while the file is sent `readingText` in a polite status, and once the work reports a stage, its
 * progress bar. The page keeps the error summary and says what was done.
 *
 * ```html
 * <dspt-upload-form testId="import" label="Upload a CSV or XLSX file" controlId="import-file"
 *   submitLabel="Import providers" readingText="Uploading and checking the file…"
 *   [submission]="submission" [field]="importForm.file" [stage]="stage()" />
 * ```
 */
@Component({
  selector: 'dspt-upload-form',
  imports: [FileField, FormDirective, ProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [dsptForm]="submission()" [attr.data-testid]="testId() + '-form'">
      <dspt-file-field
        [label]="label()"
        [controlId]="controlId()"
        [hint]="hint()"
        [accept]="accept()"
        [field]="field()"
      />
      <button class="nhsuk-button" type="submit">{{ submitLabel() }}</button>
    </form>
    @if (stage(); as current) {
      <dspt-progress-bar
        [label]="current.label"
        [percent]="current.percent"
        [detail]="current.detail"
        [testId]="testId() + '-progress'"
      />
    }
    <p class="nhsuk-body-s" role="status" [attr.data-testid]="testId() + '-status'">{{ status() }}</p>
  `,
})
export class UploadForm {
  readonly submission = input.required<FormSubmission<SpreadsheetFileModel>>();
  readonly field = input.required<FieldTree<File | null>>();
  readonly label = input.required<string>();
  readonly controlId = input.required<string>();
  readonly submitLabel = input.required<string>();
  /** What the status says while the file is sent and read, before any progress. */
  readonly readingText = input.required<string>();
  /** Starts the form's, progress bar's and status's test ids. */
  readonly testId = input.required<string>();
  readonly hint = input<string>();
  readonly accept = input<string>();
  readonly stage = input<UploadStage | null>(null);

  protected readonly status = computed(() =>
    this.submission().submitting() && !this.stage() ? this.readingText() : '',
  );
}
