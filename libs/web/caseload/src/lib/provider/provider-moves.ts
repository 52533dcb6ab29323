import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { TransferRequestView } from '@dspt/contracts';
import { PortalDatePipe } from '@dspt/web/core';

/** A provider's accepted moves between LSPs, newest first, above its case notes on its history. */
@Component({
  selector: 'dspt-provider-moves',
  imports: [PortalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="nhsuk-list" aria-label="Moves between LSPs, newest first" data-testid="provider-moves">
      @for (move of moves(); track move.id) {
        <li class="nhsuk-inset-text nhsuk-u-margin-top-0" data-testid="provider-move">
          <p class="nhsuk-u-margin-bottom-1">
            <strong>Moved from {{ move.from.name }} to {{ move.to.name }}</strong>
            on <time [attr.datetime]="move.answeredAt">{{ move.answeredAt | portalDate }}</time>
          </p>
          <p class="nhsuk-u-margin-bottom-1 nhsuk-u-secondary-text-colour">
            Requested by {{ move.requestedBy ?? 'someone no longer in the programme' }} ({{ move.from.name }}), accepted
            by {{ move.answeredBy ?? 'someone no longer in the programme' }}
          </p>
          <p class="nhsuk-u-margin-bottom-0">{{ move.note }}</p>
        </li>
      }
    </ol>
  `,
})
export class ProviderMoves {
  readonly moves = input.required<readonly TransferRequestView[]>();
}
