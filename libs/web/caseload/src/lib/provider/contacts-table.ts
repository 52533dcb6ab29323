import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ProviderContact } from '@dspt/contracts';
import { CONTACT_ROLE_LABELS } from '@dspt/web/core';
import { Tag } from '@dspt/web/ui';

/** The provider's contacts: the primary one first as the API sends them, and who has unsubscribed. */
@Component({
  selector: 'dspt-contacts-table',
  imports: [Tag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (contacts().length === 0) {
      <p>No contacts yet.</p>
    } @else {
      <table class="nhsuk-table" data-testid="contacts">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Contacts</caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Name</th>
            <th class="nhsuk-table__header" scope="col">Role</th>
            <th class="nhsuk-table__header" scope="col">Email address</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (contact of contacts(); track contact.id) {
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">
                {{ contact.name }}
                @if (contact.isPrimary) {
                  <br /><dspt-tag colour="blue">Primary contact</dspt-tag>
                }
              </td>
              <td class="nhsuk-table__cell">{{ roleLabels[contact.role] }}</td>
              <td class="nhsuk-table__cell">
                <a [href]="'mailto:' + contact.email">{{ contact.email }}</a>
                @if (contact.unsubscribedAt) {
                  <br /><dspt-tag colour="grey">Unsubscribed from emails</dspt-tag>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class ContactsTable {
  readonly contacts = input.required<readonly ProviderContact[]>();

  protected readonly roleLabels = CONTACT_ROLE_LABELS;
}
