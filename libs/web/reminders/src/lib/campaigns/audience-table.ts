import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ReminderAudienceMember } from '@dspt/contracts';
import { Tag, ResponsiveTable } from '@dspt/web/ui';

/** The providers a step emails: each with the contact it goes to and how many items they have left. */
@Component({
  selector: 'dspt-audience-table',
  imports: [RouterLink, Tag, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-table-container">
      <table class="nhsuk-table" dsptResponsiveTable data-testid="audience">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
          Providers this step emails, A to Z
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Provider</th>
            <th class="nhsuk-table__header" scope="col">Primary contact</th>
            <th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Items left</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (member of members(); track member.contactId) {
            <tr class="nhsuk-table__row" data-testid="audience-member">
              <td class="nhsuk-table__cell">
                <a [routerLink]="['/lsp', slug(), 'providers', member.providerId]">{{ member.providerName }}</a>
                <br /><span class="nhsuk-u-secondary-text-colour">{{ member.odsCode }}</span>
                @if (member.alreadyPlanned) {
                  <br /><dspt-tag colour="grey">In the delivery log</dspt-tag>
                }
              </td>
              <td class="nhsuk-table__cell">
                {{ member.contactName }}<br /><span class="nhsuk-u-secondary-text-colour">{{
                  member.contactEmail
                }}</span>
              </td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ member.itemsLeft }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class AudienceTable {
  readonly slug = input.required<string>();
  readonly members = input.required<readonly ReminderAudienceMember[]>();
}
