import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import type { ProgressImportResult } from '@dspt/contracts';
import {
  ErrorSummary,
  FileField,
  FormDirective,
  FormSubmission,
  type SpreadsheetFileModel,
  spreadsheetFileRules,
} from '@dspt/web/ui';
import { CaseloadApi, type ProviderRef } from '../api/caseload.api';
import { SPREADSHEET_ACCEPT } from '../api/spreadsheet-upload';

/**
 * Sets many of the provider's question statuses at once from a spreadsheet (columns code, status,
 * comment), for the current cycle; all or nothing, with every bad row named in the error summary.
 */
@Component({
  selector: 'dspt-question-status-import-form',
  imports: [ErrorSummary, FileField, FormDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="question-status-import-form">
      <dspt-file-field
        label="Upload a CSV or XLSX file of question statuses"
        controlId="question-status-file"
        hint="Columns code, status and comment, one question on each row. Status is Not started, In progress or Completed. An empty comment keeps the saved one. If any row has a problem, nothing is changed."
        [accept]="accept"
        [field]="importForm.file"
      />
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Import question statuses</button>
    </form>
  `,
})
export class QuestionStatusImportForm {
  private readonly api = inject(CaseloadApi);

  readonly provider = input.required<ProviderRef>();
  readonly imported = output<ProgressImportResult>();

  protected readonly accept = SPREADSHEET_ACCEPT;
  protected readonly importForm = form(signal<SpreadsheetFileModel>({ file: null }), spreadsheetFileRules);
  protected readonly submission = new FormSubmission(this.importForm, ({ file }) => this.import(file), {
    problemField: this.importForm.file,
  });

  private async import(file: File | null): Promise<void> {
    if (!file) {
      return;
    }
    const result = await this.api.importQuestionStatuses(this.provider(), file);
    this.submission.reset({ file: null });
    this.imported.emit(result);
  }
}
