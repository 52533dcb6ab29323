import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EmailMessageView } from '@dspt/contracts';
import { ActionProblems, ErrorSummary, SuccessBanner, Tag, ResponsiveTable } from '@dspt/web/ui';
import { EmailsApi } from '../api/emails.api';
import { EMAIL_STATUS_COLOURS, EMAIL_STATUS_LABELS, emailKindLabel, statusTime } from '../email-labels';
import { PortalDatePipe } from '@dspt/web/core';

/**
 * A delivery log: each email with what it was, to whom, its status and when it got there, and why it
 * failed or was not sent. Advisers send a failed email again from its row; `retried` tells the page to
 * reload the log.
 */
@Component({
  selector: 'dspt-delivery-log',
  imports: [PortalDatePipe, ErrorSummary, RouterLink, SuccessBanner, Tag, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="problems" />
    <dspt-success-banner testId="retry-confirmation" [message]="confirmation()" />
    <div class="nhsuk-table-container">
      <table class="nhsuk-table" dsptResponsiveTable data-testid="delivery-log">
        <caption class="nhsuk-table__caption nhsuk-table__caption--s">
          {{
            caption()
          }}
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Email</th>
            <th class="nhsuk-table__header" scope="col">To</th>
            <th class="nhsuk-table__header" scope="col">Status</th>
            @if (retryColumn()) {
              <th class="nhsuk-table__header" scope="col"><span class="nhsuk-u-visually-hidden">Action</span></th>
            }
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (message of messages(); track message.id) {
            <tr class="nhsuk-table__row" data-testid="email" [attr.data-status]="message.status">
              <td class="nhsuk-table__cell">
                <strong>{{ kindLabel(message) }}</strong>
                @if (message.subject) {
                  <br /><span data-testid="email-subject">{{ message.subject }}</span>
                }
                @if (message.requestedBy) {
                  <br /><span class="nhsuk-u-secondary-text-colour">Sent by {{ message.requestedBy.displayName }}</span>
                }
              </td>
              <td class="nhsuk-table__cell">
                @if (showProvider()) {
                  <a [routerLink]="['/lsp', slug(), 'providers', message.providerId]">{{
                    message.providerName
                  }}</a><br />
                }
                {{ message.toName }}<br /><span class="nhsuk-u-secondary-text-colour">{{ message.toEmail }}</span>
              </td>
              <td class="nhsuk-table__cell">
                <dspt-tag [colour]="statusColours[message.status]" data-testid="email-status">{{
                  statusLabels[message.status]
                }}</dspt-tag>
                <br />
                <time [attr.datetime]="time(message)">{{ time(message) | portalDate: 'dateTime' }}</time>
                @if (message.attempts > 1) {
                  <br /><span class="nhsuk-u-secondary-text-colour">{{ message.attempts }} attempts</span>
                }
                @if (message.lastError && message.status !== 'sent') {
                  <br /><span data-testid="email-error"
                    >{{ message.status === 'queued' ? 'Trying again: ' : '' }}{{ message.lastError }}</span
                  >
                }
              </td>
              @if (retryColumn()) {
                <td class="nhsuk-table__cell">
                  @if (message.status === 'failed') {
                    <button
                      class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                      type="button"
                      [disabled]="retrying() === message.id"
                      (click)="retry(message)"
                    >
                      Send again<span class="nhsuk-u-visually-hidden"> the email to {{ message.toName }}</span>
                    </button>
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class DeliveryLog {
  private readonly api = inject(EmailsApi);

  readonly slug = input.required<string>();
  readonly messages = input.required<readonly EmailMessageView[]>();
  readonly caption = input.required<string>();
  /** Advisers and admins send failed emails again. */
  readonly canRetry = input(false);
  /** For a log of many providers: each row names and links its provider. */
  readonly showProvider = input(false);
  readonly retried = output<EmailMessageView>();

  protected readonly statusLabels = EMAIL_STATUS_LABELS;
  protected readonly statusColours = EMAIL_STATUS_COLOURS;
  protected readonly kindLabel = emailKindLabel;
  protected readonly time = statusTime;
  protected readonly problems = new ActionProblems();
  protected readonly confirmation = signal<string | null>(null);
  protected readonly retrying = signal<string | null>(null);
  protected readonly retryColumn = computed(
    () => this.canRetry() && this.messages().some((message) => message.status === 'failed'),
  );

  protected async retry(message: EmailMessageView): Promise<void> {
    this.problems.clear();
    this.confirmation.set(null);
    this.retrying.set(message.id);
    try {
      const queued = await this.api.retry(this.slug(), message.id);
      this.confirmation.set(`The email to ${queued.toName} is queued to be sent again.`);
      this.retried.emit(queued);
    } catch (failure: unknown) {
      this.problems.report(failure);
    } finally {
      this.retrying.set(null);
    }
  }
}
