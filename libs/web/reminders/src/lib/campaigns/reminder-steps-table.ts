import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReminderStepView } from '@dspt/contracts';
import { Tag, type TagColour, ResponsiveTable } from '@dspt/web/ui';
import { stepLabel } from '../email-labels';
import { PortalDatePipe } from '@dspt/web/core';

/** Where a step stands: going out now, gone, or to come. */
export function stepStatus(step: Pick<ReminderStepView, 'past' | 'due'>): { label: string; colour: TagColour } {
  if (step.due) {
    return { label: 'Sending now', colour: 'blue' };
  }
  return step.past ? { label: 'Past', colour: 'grey' } : { label: 'Upcoming', colour: 'white' };
}

/**
 * A cycle's reminder steps: when each goes out (the working day, at 9am), where it stands, and its
 * emails by status; each links to its page (who it emails, its delivery log).
 */
@Component({
  selector: 'dspt-reminder-steps-table',
  imports: [PortalDatePipe, RouterLink, Tag, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-table-container">
      <table class="nhsuk-table" dsptResponsiveTable data-testid="reminder-steps">
        <caption class="nhsuk-table__caption nhsuk-table__caption--s">
          Reminder steps for
          {{
            cycle()
          }}
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Step</th>
            <th class="nhsuk-table__header" scope="col">Goes out</th>
            <th class="nhsuk-table__header" scope="col">Status</th>
            <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Queued</th>
            <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Sent</th>
            <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Failed</th>
            <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Not sent</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (step of steps(); track step.offsetDays) {
            @let status = statusOf(step);
            <tr class="nhsuk-table__row" data-testid="reminder-step">
              <td class="nhsuk-table__cell">
                <a [routerLink]="[step.offsetDays]" [queryParams]="{ cycle: cycle() }">{{ label(step.offsetDays) }}</a>
              </td>
              <td class="nhsuk-table__cell">
                <time [attr.datetime]="step.sendAt">{{ step.sendOn | portalDate: 'weekday' }} at 9am</time>
              </td>
              <td class="nhsuk-table__cell">
                <dspt-tag [colour]="status.colour">{{ status.label }}</dspt-tag>
              </td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ step.counts.queued }}</td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ step.counts.sent }}</td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ step.counts.failed }}</td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ step.counts.suppressed }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class ReminderStepsTable {
  readonly cycle = input.required<string>();
  readonly steps = input.required<readonly ReminderStepView[]>();

  protected readonly label = stepLabel;
  protected readonly statusOf = stepStatus;
}
