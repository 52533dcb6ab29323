import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import type { TransferRequestStatus, TransferRequestView } from '@dspt/contracts';
import { apiProblemFrom, counted, PortalDatePipe } from '@dspt/web/core';
import { LoadingState, SuccessBanner } from '@dspt/web/ui';
import { TransfersApi } from '../api/transfers.api';
import { lspAccess } from '../lsp-access';
import { AnsweredTransfers } from './answered-transfers';
import { TransferRequestCard } from './transfer-request-card';

/**
 * `/lsp/:slug/transfers`: providers offered to this LSP and by it. Admins accept or decline what is
 * offered to the LSP (declining with a reason) and cancel their own offers while they wait; everyone
 * sees the outcomes, which is the old LSP's record of a provider it no longer holds.
 */
@Component({
  selector: 'dspt-transfers-page',
  imports: [AnsweredTransfers, LoadingState, PortalDatePipe, SuccessBanner, TransferRequestCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Transfers between LSPs</h1>
    <dspt-success-banner testId="transfer-confirmation" [message]="confirmation()" [occurrence]="confirmations()" />
    @if (problem(); as message) {
      <p class="nhsuk-error-message" role="alert"><span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}</p>
    }
    @if (requests.hasValue()) {
      <h2>Offered to {{ access().name }}</h2>
      @if (incoming().length === 0) {
        <p data-testid="no-incoming">No provider is waiting for your answer.</p>
      } @else {
        <p>{{ waitingText() }}</p>
        @for (request of incoming(); track request.id) {
          <dspt-transfer-request-card
            [request]="request"
            [slug]="slug()"
            [canAnswer]="access().isAdmin"
            (answered)="report($event)"
            (failed)="refused($event)"
          />
        }
      }

      <h2>Offered by {{ access().name }}</h2>
      @if (outgoing().length === 0) {
        <p data-testid="no-outgoing">None of your offers is waiting for an answer.</p>
      } @else {
        <ul class="nhsuk-list">
          @for (request of outgoing(); track request.id) {
            <li data-testid="outgoing-request">
              <strong>{{ request.provider.name }} ({{ request.provider.odsCode }})</strong> to {{ request.to.name }},
              asked {{ request.requestedAt | portalDate }}.
              @if (access().isAdmin) {
                <button
                  class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2"
                  type="button"
                  (click)="cancel(request)"
                >
                  Cancel the request for {{ request.provider.name }}
                </button>
              }
            </li>
          }
        </ul>
      }

      <h2>Answered requests</h2>
      <dspt-answered-transfers [requests]="answeredRequests()" [slug]="slug()" />
    } @else {
      <dspt-loading-state what="transfer requests" [error]="requests.error()" />
    }
  `,
})
export class TransfersPage {
  private readonly api = inject(TransfersApi);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly access = lspAccess(this.slug);
  protected readonly requests = this.api.requestsResource(this.slug);
  private readonly items = computed(() => (this.requests.hasValue() ? this.requests.value().items : []));
  protected readonly incoming = computed(() =>
    this.items().filter((item) => item.status === 'pending' && item.direction === 'incoming'),
  );
  protected readonly outgoing = computed(() =>
    this.items().filter((item) => item.status === 'pending' && item.direction === 'outgoing'),
  );
  protected readonly answeredRequests = computed(() => this.items().filter((item) => item.status !== 'pending'));
  protected readonly confirmation = signal<string | null>(null);
  protected readonly confirmations = signal(0);
  protected readonly problem = signal<string | null>(null);

  protected waitingText(): string {
    const count = this.incoming().length;
    return `${counted(count, 'provider')} ${count === 1 ? 'is' : 'are'} waiting for your answer.`;
  }

  protected refused(message: string): void {
    this.problem.set(message);
    this.requests.reload();
  }

  protected async cancel(request: TransferRequestView): Promise<void> {
    this.problem.set(null);
    try {
      this.report(await this.api.cancel(this.slug(), request));
    } catch (failure: unknown) {
      this.refused(apiProblemFrom(failure).message);
    }
  }

  protected report(request: TransferRequestView): void {
    const words: Record<TransferRequestStatus, string> = {
      pending: '',
      accepted: `${request.provider.name} moved to ${request.to.name} with its history.`,
      declined: `You declined ${request.provider.name}. ${request.from.name} can see your reason.`,
      cancelled: `The request for ${request.provider.name} was cancelled.`,
    };
    this.problem.set(null);
    this.confirmation.set(words[request.status]);
    this.confirmations.update((count) => count + 1);
    this.requests.reload();
  }
}
