import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import type { TransferRequestStatus, TransferRequestView } from '@dspt/contracts';
import { counted } from '@dspt/web/core';
import { LoadingState, SuccessBanner } from '@dspt/web/ui';
import { TransfersApi } from '../api/transfers.api';
import { AnsweredTransfers } from './answered-transfers';
import { TransferRequestCard } from './transfer-request-card';

/**
 * `/admin/transfer-requests`: every LSP's requests to move a provider, for a system admin, who answers a
 * waiting one for the LSP it was offered to (when that LSP cannot, or the programme has decided).
 */
@Component({
  selector: 'dspt-programme-transfers-page',
  imports: [AnsweredTransfers, LoadingState, SuccessBanner, TransferRequestCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Transfer requests</h1>
    <p>
      Providers that moved area, offered by one LSP to another. You can answer for the LSP a provider was offered to;
      both LSPs see the answer and who gave it.
    </p>
    <dspt-success-banner testId="transfer-confirmation" [message]="confirmation()" [occurrence]="confirmations()" />
    @if (problem(); as message) {
      <p class="nhsuk-error-message" role="alert"><span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}</p>
    }
    @if (requests.hasValue()) {
      <h2>Waiting for an answer</h2>
      @if (waiting().length === 0) {
        <p data-testid="no-incoming">No request is waiting for an answer.</p>
      } @else {
        <p>{{ waitingText() }}</p>
        @for (request of waiting(); track request.id) {
          <dspt-transfer-request-card
            [request]="request"
            [slug]="null"
            [canAnswer]="true"
            (answered)="report($event)"
            (failed)="refused($event)"
          />
        }
      }

      <h2>Answered requests</h2>
      <dspt-answered-transfers [requests]="answered()" />
    } @else {
      <dspt-loading-state what="transfer requests" [error]="requests.error()" />
    }
  `,
})
export class ProgrammeTransfersPage {
  private readonly api = inject(TransfersApi);

  protected readonly requests = this.api.programmeRequestsResource();
  private readonly items = computed(() => (this.requests.hasValue() ? this.requests.value().items : []));
  protected readonly waiting = computed(() => this.items().filter((item) => item.status === 'pending'));
  protected readonly answered = computed(() => this.items().filter((item) => item.status !== 'pending'));
  protected readonly confirmation = signal<string | null>(null);
  protected readonly confirmations = signal(0);
  protected readonly problem = signal<string | null>(null);

  protected waitingText(): string {
    const count = this.waiting().length;
    return `${counted(count, 'request')} ${count === 1 ? 'is' : 'are'} waiting for an answer.`;
  }

  protected refused(message: string): void {
    this.problem.set(message);
    this.requests.reload();
  }

  protected report(request: TransferRequestView): void {
    const words: Record<TransferRequestStatus, string> = {
      pending: '',
      accepted: `${request.provider.name} moved to ${request.to.name} with its history.`,
      declined: `You declined ${request.provider.name} for ${request.to.name}. ${request.from.name} can see your reason.`,
      cancelled: `The request for ${request.provider.name} was cancelled.`,
    };
    this.problem.set(null);
    this.confirmation.set(words[request.status]);
    this.confirmations.update((count) => count + 1);
    this.requests.reload();
  }
}
