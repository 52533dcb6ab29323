import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { form, maxLength, required } from '@angular/forms/signals';
import type { AssessmentQuestionView, QuestionProgressResult } from '@dspt/contracts';
import { QUESTION_STATUSES, isOneOf } from '@dspt/domain';
import { QUESTION_STATUS_LABELS } from '@dspt/web/core';
import {
  ErrorSummary,
  FocusOnRender,
  FormDirective,
  FormSubmission,
  Radios,
  TextareaField,
  labelledOptions,
} from '@dspt/web/ui';
import { CaseloadApi, type ProviderRef } from '../api/caseload.api';

const STATUS_OPTIONS = labelledOptions(QUESTION_STATUSES, QUESTION_STATUS_LABELS);

/** An id-safe form of a question code: 4.1.1 → 4-1-1. */
export function codeId(code: string): string {
  return code.replace(/\./g, '-');
}

/** Changes one question's status and comment; emits the API's answer once saved. */
@Component({
  selector: 'dspt-question-progress-form',
  imports: [ErrorSummary, FocusOnRender, FormDirective, Radios, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" [attr.data-testid]="'question-form-' + question().code">
      <h4 dsptFocusOnRender>Update {{ question().code }} {{ question().title }}</h4>
      <dspt-radios
        legend="Status"
        [idPrefix]="idPrefix() + '-status'"
        [options]="statusOptions"
        [field]="progressForm.status"
      />
      <dspt-textarea-field
        label="Comment (optional)"
        [controlId]="idPrefix() + '-comment'"
        hint="For example, what the provider still needs to do. Leave it empty to remove the comment."
        [rows]="3"
        [field]="progressForm.comment"
      />
      <div class="nhsuk-button-group">
        <button class="nhsuk-button nhsuk-button--small" type="submit">Save {{ question().code }}</button>
        <button
          class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
          type="button"
          (click)="cancelled.emit()"
        >
          Cancel
        </button>
      </div>
    </form>
  `,
})
export class QuestionProgressForm {
  private readonly api = inject(CaseloadApi);

  readonly provider = input.required<ProviderRef>();
  readonly question = input.required<AssessmentQuestionView>();
  readonly saved = output<QuestionProgressResult>();
  readonly cancelled = output<void>();

  protected readonly statusOptions = STATUS_OPTIONS;
  protected readonly idPrefix = computed(() => `question-${codeId(this.question().code)}`);
  private readonly model = linkedSignal(() => ({
    status: this.question().status as string,
    comment: this.question().comment ?? '',
  }));
  protected readonly progressForm = form(this.model, (path) => {
    required(path.status, { message: 'Select the status of this item' });
    maxLength(path.comment, 2000, { message: 'The comment must be 2000 characters or fewer' });
  });
  protected readonly submission = new FormSubmission(this.progressForm, ({ status, comment }) =>
    this.save(status, comment),
  );

  private async save(status: string, comment: string): Promise<void> {
    if (!isOneOf(QUESTION_STATUSES, status)) {
      return;
    }
    const result = await this.api.updateQuestion(this.provider(), this.question().code, {
      status,
      comment: comment.trim() || null,
    });
    this.saved.emit(result);
  }
}
