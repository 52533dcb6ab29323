import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { form, maxLength, required, validate } from '@angular/forms/signals';
import type { ProviderContact } from '@dspt/contracts';
import { ErrorSummary, FormDirective, FormSubmission, TextareaField } from '@dspt/web/ui';
import { EmailsApi, type ProviderEmailsRef } from '../api/emails.api';

/** The longest reason the API takes. */
export const RESUBSCRIBE_REASON_MAX = 1_000;

/** Resubscribes one contact who unsubscribed, with the reason (kept in the audit trail). */
@Component({
  selector: 'dspt-resubscribe-contact-form',
  imports: [ErrorSummary, FormDirective, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" [attr.data-testid]="'resubscribe-form-' + contact().id">
      <dspt-textarea-field
        label="Why are you resubscribing them?"
        [controlId]="'resubscribe-reason-' + contact().id"
        hint="For example: the manager phoned and asked for reminders again. This is kept in the audit trail."
        [rows]="3"
        [field]="resubscribeForm.reason"
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

  protected readonly resubscribeForm = form(signal({ reason: '' }), (path) => {
    required(path.reason, { message: 'Enter why you are resubscribing them' });
    validate(path.reason, ({ value }) =>
      value() && !value().trim() ? { kind: 'blank', message: 'Enter why you are resubscribing them' } : undefined,
    );
    maxLength(path.reason, RESUBSCRIBE_REASON_MAX, { message: 'The reason must be 1,000 characters or fewer' });
  });
  protected readonly submission = new FormSubmission(this.resubscribeForm, ({ reason }) => this.resubscribe(reason));

  private async resubscribe(reason: string): Promise<void> {
    const contact = await this.api.resubscribe(this.provider(), this.contact().id, reason.trim());
    this.resubscribed.emit(contact);
  }
}
