import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TransferRequestView } from '@dspt/contracts';
import { Tag } from '@dspt/web/ui';
import { TRANSFER_STATUS_COLOURS, TRANSFER_STATUS_LABELS, transferOutcomeText } from './transfer-status';

/**
 * Answered requests, newest first: from where to where, the outcome, who asked and answered, and the
 * reason of a decline. Inside an LSP (`slug`), a provider it accepted links to its page.
 */
@Component({
  selector: 'dspt-answered-transfers',
  imports: [RouterLink, Tag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-transfer-table {
      overflow-x: auto;
    }
  `,
  template: `
    @if (requests().length === 0) {
      <p data-testid="no-answered">No answered requests yet.</p>
    } @else {
      <div class="dspt-transfer-table">
        <table class="nhsuk-table" data-testid="answered-requests">
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
            Answered transfer requests, newest first
          </caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Moved</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            @for (request of requests(); track request.id) {
              <tr data-testid="answered-request">
                <td>
                  @if (slug() && request.status === 'accepted' && request.direction === 'incoming') {
                    <a [routerLink]="['/lsp', slug(), 'providers', request.provider.id]">{{ request.provider.name }}</a>
                  } @else {
                    {{ request.provider.name }}
                  }
                  ({{ request.provider.odsCode }})
                </td>
                <td>From {{ request.from.name }} to {{ request.to.name }}</td>
                <td>
                  <dspt-tag [colour]="statusColours[request.status]">{{ statusLabels[request.status] }}</dspt-tag>
                  <p class="nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0" data-testid="outcome">
                    {{ outcomeText(request) }}
                  </p>
                  @if (request.declineReason) {
                    <p class="nhsuk-u-margin-bottom-0" data-testid="decline-reason">
                      Reason: {{ request.declineReason }}
                    </p>
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
})
export class AnsweredTransfers {
  readonly requests = input.required<readonly TransferRequestView[]>();
  /** The reader's LSP; null for a system admin (no links into an LSP). */
  readonly slug = input<string | null>(null);

  protected readonly statusLabels = TRANSFER_STATUS_LABELS;
  protected readonly statusColours = TRANSFER_STATUS_COLOURS;
  protected readonly outcomeText = transferOutcomeText;
}
