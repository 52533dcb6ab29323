import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { AuditEventView } from '@dspt/contracts';
import { describeAuditAction, describeAuditChange } from './audit-event-description';
import { PortalDatePipe } from '@dspt/web/core';
import { ResponsiveTable } from '@dspt/web/ui';

const SHOWN_EVENTS = 20;

/** The latest events of the LSP's audit trail (the API sends them newest first). */
@Component({
  selector: 'dspt-recent-activity',
  imports: [PortalDatePipe, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows().length === 0) {
      <p>Nothing has happened in this LSP yet.</p>
    } @else {
      <table class="nhsuk-table" dsptResponsiveTable data-testid="recent-activity">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
          Recent activity, newest first
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">When</th>
            <th class="nhsuk-table__header" scope="col">Who</th>
            <th class="nhsuk-table__header" scope="col">What</th>
            <th class="nhsuk-table__header" scope="col">Details</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (row of rows(); track row.id) {
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">
                <time [attr.datetime]="row.occurredAt">{{ row.occurredAt | portalDate: 'dateTime' }}</time>
              </td>
              <td class="nhsuk-table__cell">{{ row.actor }}</td>
              <td class="nhsuk-table__cell">{{ row.action }}</td>
              <td class="nhsuk-table__cell">{{ row.change }}</td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class RecentActivity {
  readonly events = input.required<readonly AuditEventView[]>();

  protected readonly rows = computed(() =>
    this.events()
      .slice(0, SHOWN_EVENTS)
      .map((event) => ({
        id: event.id,
        occurredAt: event.occurredAt,
        actor: event.actorEmail ?? 'The portal',
        action: describeAuditAction(event.action),
        change: describeAuditChange(event),
      })),
  );
}
