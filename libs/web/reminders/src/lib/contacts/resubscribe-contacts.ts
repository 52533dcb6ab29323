import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import type { ProviderContact } from '@dspt/contracts';
import { SuccessBanner } from '@dspt/web/ui';
import type { ProviderEmailsRef } from '../api/emails.api';
import { ResubscribeContactForm } from './resubscribe-contact-form';
import { PortalDatePipe } from '@dspt/web/core';

/**
 * Under a provider's contacts, for advisers and admins: each contact who unsubscribed from the portal's
 * emails, when, and a form to resubscribe them with their own request. `resubscribed` tells the page to reload
 * the contacts.
 */
@Component({
  selector: 'dspt-resubscribe-contacts',
  imports: [PortalDatePipe, ResubscribeContactForm, SuccessBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-success-banner testId="resubscribe-confirmation" [message]="confirmation()" />
    @for (contact of unsubscribed(); track contact.id) {
      <details class="nhsuk-details" [attr.data-testid]="'resubscribe-' + contact.id">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text">Resubscribe {{ contact.name }} to emails</span>
        </summary>
        <div class="nhsuk-details__text">
          <p>
            {{ contact.name }} unsubscribed on {{ contact.unsubscribedAt | portalDate }}, so the portal sends them no
            reminders or guidance emails (nor to anyone else at this LSP with the same address). Resubscribe them only
            if they asked to get these emails again.
          </p>
          <dspt-resubscribe-contact-form [provider]="provider()" [contact]="contact" (resubscribed)="done($event)" />
        </div>
      </details>
    }
  `,
})
export class ResubscribeContacts {
  readonly provider = input.required<ProviderEmailsRef>();
  readonly contacts = input.required<readonly ProviderContact[]>();
  readonly resubscribed = output<ProviderContact>();

  protected readonly unsubscribed = computed(() => this.contacts().filter((contact) => contact.unsubscribedAt));
  protected readonly confirmation = signal<string | null>(null);

  protected done(contact: ProviderContact): void {
    this.confirmation.set(`${contact.name} is subscribed to emails again.`);
    this.resubscribed.emit(contact);
  }
}
