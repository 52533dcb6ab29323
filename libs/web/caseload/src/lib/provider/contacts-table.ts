import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ProviderContact } from '@dspt/contracts';
import { CONTACT_ROLE_LABELS } from '@dspt/web/core';
import { Tag, ResponsiveTable } from '@dspt/web/ui';

/**
 * The provider's contacts: the primary one first as the API sends them, their phone numbers, and who has
 * unsubscribed; for advisers and admins a link to change each, and for LSP admins a link to erase each
 * (relative to the provider's page).
 */
@Component({
  selector: 'dspt-contacts-table',
  imports: [RouterLink, Tag, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (contacts().length === 0) {
      <p>No contacts yet.</p>
    } @else {
      <table class="nhsuk-table" dsptResponsiveTable data-testid="contacts">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
          Contacts
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Name</th>
            <th class="nhsuk-table__header" scope="col">Role</th>
            <th class="nhsuk-table__header" scope="col">Email address</th>
            <th class="nhsuk-table__header" scope="col">Phone</th>
            @if (canChange() || canErase()) {
              <th class="nhsuk-table__header" scope="col"><span class="nhsuk-u-visually-hidden">Actions</span></th>
            }
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
              <td class="nhsuk-table__cell">
                @if (contact.phone; as phone) {
                  <a [href]="'tel:' + phone.replace(spaces, '')">{{ phone }}</a>
                } @else {
                  Not known
                }
              </td>
              @if (canChange() || canErase()) {
                <td class="nhsuk-table__cell">
                  @if (canChange()) {
                    <a [routerLink]="['contacts', contact.id, 'edit']" class="nhsuk-u-margin-right-3"
                      >Change<span class="nhsuk-u-visually-hidden"> {{ contact.name }}</span></a
                    >
                  }
                  @if (canErase()) {
                    <a [routerLink]="['contacts', contact.id, 'erase']"
                      >Erase<span class="nhsuk-u-visually-hidden"> {{ contact.name }}</span></a
                    >
                  }
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class ContactsTable {
  readonly contacts = input.required<readonly ProviderContact[]>();
  readonly canErase = input(false);
  readonly canChange = input(false);

  protected readonly spaces = /[\s()-]/g;

  protected readonly roleLabels = CONTACT_ROLE_LABELS;
}
