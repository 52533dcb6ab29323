import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { TransferRequestView } from '@dspt/contracts';
import { apiProblemFrom, counted, PortalDatePipe } from '@dspt/web/core';
import { TransfersApi } from '../api/transfers.api';
import { TransferDeclineForm } from './decline-form';

/**
 * One request waiting for an answer: the minimum about the provider, who asked and why, and (for whoever
 * may answer) Accept and Decline with a reason. `slug` is the answering LSP's, or null for a system admin,
 * who also reads which LSP it was offered to.
 */
@Component({
  selector: 'dspt-transfer-request-card',
  imports: [PortalDatePipe, TransferDeclineForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let offer = request();
    <div class="nhsuk-card" data-testid="incoming-request">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading">{{ offer.provider.name }} ({{ offer.provider.odsCode }})</h3>
        <dl class="nhsuk-summary-list">
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">From</dt>
            <dd class="nhsuk-summary-list__value">{{ offer.from.name }}</dd>
          </div>
          @if (slug() === null) {
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">To</dt>
              <dd class="nhsuk-summary-list__value">{{ offer.to.name }}</dd>
            </div>
          }
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Asked</dt>
            <dd class="nhsuk-summary-list__value">
              {{ offer.requestedAt | portalDate }}{{ offer.requestedBy ? ' by ' + offer.requestedBy : '' }}
            </dd>
          </div>
          @if (offer.provider.branchCount > 0) {
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Branches</dt>
              <dd class="nhsuk-summary-list__value">{{ branchesText() }}</dd>
            </div>
          }
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">Note</dt>
            <dd class="nhsuk-summary-list__value" data-testid="request-note">{{ offer.note }}</dd>
          </div>
        </dl>
        @if (canAnswer()) {
          <p>
            Accepting moves the provider {{ destination() }} with its whole history: contacts, progress, publications,
            case notes and tasks.
          </p>
          <button class="nhsuk-button" type="button" (click)="accept()" data-testid="accept-request">
            Accept {{ offer.provider.name }}
          </button>
          <details class="nhsuk-details">
            <summary class="nhsuk-details__summary">
              <span class="nhsuk-details__summary-text">Decline with a reason</span>
            </summary>
            <div class="nhsuk-details__text">
              <dspt-transfer-decline-form [slug]="slug()" [request]="offer" (declined)="answered.emit($event)" />
            </div>
          </details>
        }
      </div>
    </div>
  `,
})
export class TransferRequestCard {
  private readonly api = inject(TransfersApi);

  readonly request = input.required<TransferRequestView>();
  /** The answering LSP's slug; null for a system admin. */
  readonly slug = input.required<string | null>();
  readonly canAnswer = input(false);
  /** The request as answered. */
  readonly answered = output<TransferRequestView>();
  /** Why an answer was refused (the request may have changed: reload the list). */
  readonly failed = output<string>();

  protected readonly destination = computed(() => (this.slug() === null ? `to ${this.request().to.name}` : 'here'));
  protected readonly branchesText = computed(
    () => `${counted(this.request().provider.branchCount, 'branch', 'branches')} move with it`,
  );

  protected async accept(): Promise<void> {
    try {
      this.answered.emit(await this.api.accept(this.slug(), this.request()));
    } catch (failure: unknown) {
      this.failed.emit(apiProblemFrom(failure).message);
    }
  }
}
