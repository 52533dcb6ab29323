import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { form, maxLength, required, validate } from '@angular/forms/signals';
import type { ProviderContact } from '@dspt/contracts';
import { ErrorSummary, FormDirective, FormSubmission, TextareaField } from '@dspt/web/ui';
import { EmailsApi, type ProviderEmailsRef } from '../api/emails.api';

/** The longest request the API takes. */
export const RESUBSCRIBE_REQUEST_MAX = 1_000;

/**
 * Resubscribes one contact who unsubscribed, recording the person's own request: how and when they asked
 * (kept in the audit trail and as a case note). Only the person can ask to get emails again.
 */
const ENTER_REQUEST = 'Enter how and when the person asked to get emails again';

@Component({
  selector: 'dspt-resubscribe-contact-form',
  imports: [ErrorSummary, FormDirective, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" [attr.data-testid]="'resubscribe-form-' + contact().id">
      <dspt-textarea-field
        label="How and when did they ask to get emails again?"
        [controlId]="'resubscribe-request-' + contact().id"
        hint="Only resubscribe someone who asked you to. For example: Phoned on 3 Dec asking to receive reminders again. This is kept in the audit trail and the case notes."
        [rows]="3"
        [field]="resubscribeForm.request"
      />
      <button class="nhsuk-button nhsuk-button--secondary" type="submit" [disabled]="submission.submitting()">
        Resubscribe {{ contact().name }}
      </button>
    </form>
  `,
})
export class ResubscribeContactForm {
  private readonly api = inject(EmailsApi);

  readonly provider = input.required<ProviderEmailsRef>();
  readonly contact = input.required<ProviderContact>();
  readonly resubscribed = output<ProviderContact>();

  protected readonly resubscribeForm = form(signal({ request: '' }), (path) => {
    required(path.request, { message: ENTER_REQUEST });
    validate(path.request, ({ value }) =>
      value() && !value().trim() ? { kind: 'blank', message: ENTER_REQUEST } : undefined,
    );
    maxLength(path.request, RESUBSCRIBE_REQUEST_MAX, { message: 'The request must be 1,000 characters or fewer' });
  });
  protected readonly submission = new FormSubmission(this.resubscribeForm, ({ request }) => this.resubscribe(request));

  private async resubscribe(request: string): Promise<void> {
    const contact = await this.api.resubscribe(this.provider(), this.contact().id, request.trim());
    this.resubscribed.emit(contact);
  }
}
