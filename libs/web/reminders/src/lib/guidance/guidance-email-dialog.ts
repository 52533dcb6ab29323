import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { form, maxLength, required } from '@angular/forms/signals';
import type { BlockerList, EmailMessageView, ProviderContact } from '@dspt/contracts';
import { counted } from '@dspt/web/core';
import { ErrorSummary, FormDirective, FormSubmission, Radios, type RadioOption, TextareaField } from '@dspt/web/ui';
import { EmailsApi, type ProviderEmailsRef } from '../api/emails.api';

/** The longest personal message the API takes. */
export const PERSONAL_MESSAGE_MAX = 5_000;

interface GuidanceModel {
  contactId: string;
  message: string;
}

/** The contacts a guidance email can go to: not unsubscribed, the primary one first. */
export function reachableContacts(contacts: readonly ProviderContact[]): ProviderContact[] {
  return contacts
    .filter((contact) => !contact.unsubscribedAt)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

/**
 * The guidance email dialog of a provider page: the open mandatory items the email will list (code,
 * section, title), whom it goes to, an optional personal message, and Send. The email is queued and
 * logged as a case note; `sent` tells the page. A native modal `<dialog>`: focus stays inside it, Escape
 * or Cancel closes it, and focus then goes back to the button that opened it.
 */
@Component({
  selector: 'dspt-guidance-email-dialog',
  imports: [ErrorSummary, FormDirective, Radios, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    dialog {
      width: min(40rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      padding: 1.5rem;
      border: 0;
      border-top: 4px solid #005eb8;
      color: #212b32;
    }
    dialog::backdrop {
      background: rgb(33 43 50 / 60%);
    }
  `,
  template: `
    <dialog aria-labelledby="guidance-dialog-title" data-testid="guidance-dialog" (close)="closed()" #dialog>
      <h2 id="guidance-dialog-title" tabindex="-1" #heading>Send a guidance email</h2>
      <dspt-error-summary [source]="submission" />
      <p>To {{ providerName() }}, listing what is left to do for the DSPT, each item with a link to its guidance.</p>

      <h3 class="nhsuk-heading-s">Open mandatory items</h3>
      @if (openItems(); as items) {
        @if (items.length === 0) {
          <p data-testid="guidance-items">Every mandatory item is complete: the email will say so.</p>
        } @else {
          <table class="nhsuk-table" data-testid="guidance-items">
            <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
              The
              {{
                itemCount()
              }}
              the email lists
            </caption>
            <thead class="nhsuk-table__head">
              <tr class="nhsuk-table__row">
                <th class="nhsuk-table__header" scope="col">Code</th>
                <th class="nhsuk-table__header" scope="col">Section</th>
                <th class="nhsuk-table__header" scope="col">Item</th>
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              @for (item of items; track item.code) {
                <tr class="nhsuk-table__row">
                  <td class="nhsuk-table__cell">{{ item.code }}</td>
                  <td class="nhsuk-table__cell">{{ item.section }}</td>
                  <td class="nhsuk-table__cell">{{ item.title }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      } @else {
        <p>Loading the open items…</p>
      }

      @if (contactOptions().length === 0) {
        <p data-testid="guidance-no-contact">
          No contact of this provider can get emails: add a contact, or resubscribe one who unsubscribed.
        </p>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="close()">Close</button>
      } @else {
        <form [dsptForm]="submission" data-testid="guidance-form">
          @if (contactOptions().length > 1) {
            <dspt-radios
              legend="Send it to"
              idPrefix="guidance-contact"
              [options]="contactOptions()"
              [field]="guidanceForm.contactId"
            />
          } @else {
            <p data-testid="guidance-recipient">Send it to {{ contactOptions()[0].label }}.</p>
          }
          <dspt-textarea-field
            label="Personal message (optional)"
            controlId="guidance-message"
            hint="It goes above the list of items, for example what you agreed on the phone."
            [field]="guidanceForm.message"
          />
          <div class="nhsuk-button-group">
            <button class="nhsuk-button" type="submit" [disabled]="submission.submitting()">Send guidance email</button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="close()">Cancel</button>
          </div>
        </form>
      }
    </dialog>
  `,
})
export class GuidanceEmailDialog {
  private readonly api = inject(EmailsApi);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');

  readonly provider = input.required<ProviderEmailsRef>();
  readonly providerName = input.required<string>();
  readonly contacts = input.required<readonly ProviderContact[]>();
  /** The provider's open mandatory items; null while they load. */
  readonly openItems = input.required<BlockerList['items'] | null>();
  readonly sent = output<EmailMessageView>();

  protected readonly contactOptions = computed<RadioOption[]>(() =>
    reachableContacts(this.contacts()).map((contact) => ({
      value: contact.id,
      label: `${contact.name} (${contact.email})`,
      hint: contact.isPrimary ? 'Primary contact' : undefined,
    })),
  );
  protected readonly itemCount = computed(() => counted(this.openItems()?.length ?? 0, 'item'));
  protected readonly guidanceForm = form(signal<GuidanceModel>({ contactId: '', message: '' }), (path) => {
    required(path.contactId, { message: 'Select whom to send it to' });
    maxLength(path.message, PERSONAL_MESSAGE_MAX, {
      message: 'The personal message must be 5,000 characters or fewer',
    });
  });
  protected readonly submission = new FormSubmission(this.guidanceForm, (value) => this.send(value));
  /** One per opening: sending twice (a double click, a retried request) queues one email. */
  private requestId = '';

  /** Opens the dialog with the primary contact chosen and no message; its heading takes focus. */
  show(): void {
    this.requestId = crypto.randomUUID();
    this.submission.reset({ contactId: this.contactOptions()[0]?.value ?? '', message: '' });
    this.dialog().nativeElement.showModal();
    this.heading().nativeElement.focus();
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }

  /** Closed by Send, Cancel or Escape: no errors left showing (nor "Error:" in the page title). */
  protected closed(): void {
    this.submission.reset({ contactId: '', message: '' });
  }

  private async send({ contactId, message }: GuidanceModel): Promise<void> {
    const queued = await this.api.sendGuidance(this.provider(), {
      contactId,
      ...(message.trim() ? { message: message.trim() } : {}),
      requestId: this.requestId,
    });
    this.close();
    this.sent.emit(queued);
  }
}
