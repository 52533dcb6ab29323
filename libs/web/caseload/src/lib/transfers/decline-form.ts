import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { form, maxLength, required } from '@angular/forms/signals';
import type { TransferRequestView } from '@dspt/contracts';
import { ErrorSummary, FormDirective, FormSubmission, TextareaField } from '@dspt/web/ui';
import { TransfersApi } from '../api/transfers.api';

/** Declining a provider offered to the LSP: the reason is what the offering LSP reads. */
@Component({
  selector: 'dspt-transfer-decline-form',
  imports: [ErrorSummary, FormDirective, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="decline-form">
      <dspt-textarea-field
        label="Why are you declining?"
        [controlId]="'decline-reason-' + request().id"
        [hint]="request().from.name + ' reads this.'"
        [rows]="3"
        [field]="declineForm.reason"
      />
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Decline {{ request().provider.name }}</button>
    </form>
  `,
})
export class TransferDeclineForm {
  private readonly api = inject(TransfersApi);

  /** The answering LSP's slug; null for a system admin. */
  readonly slug = input.required<string | null>();
  readonly request = input.required<TransferRequestView>();
  readonly declined = output<TransferRequestView>();

  protected readonly declineForm = form(signal({ reason: '' }), (path) => {
    required(path.reason, { message: 'Enter why you are declining' });
    maxLength(path.reason, 500, { message: 'The reason must be 500 characters or fewer' });
  });
  protected readonly submission = new FormSubmission(this.declineForm, async (value) => {
    this.declined.emit(await this.api.decline(this.slug(), this.request(), value.reason.trim()));
  });
}
