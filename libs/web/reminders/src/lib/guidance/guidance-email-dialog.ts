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
import { form, maxLength, validate } from '@angular/forms/signals';
import type {
  BlockerList,
  GuidanceEmailPreview,
  GuidanceEmailPreviewInput,
  GuidanceEmailsQueued,
  ProviderContact,
} from '@dspt/contracts';
import { RouterLink } from '@angular/router';
import { counted, formatPortalDate } from '@dspt/web/core';
import { ErrorSummary, FormDirective, FormSubmission, TextareaField } from '@dspt/web/ui';
import { EmailsApi, type ProviderEmailsRef } from '../api/emails.api';
import { EmailPreview } from '../templates/email-preview';

/** The longest personal message the API takes. */
export const PERSONAL_MESSAGE_MAX = 5_000;

interface GuidanceModel {
  contactIds: string[];
  questionCodes: string[];
  message: string;
}

/** The contacts a guidance email can go to: not unsubscribed, the primary one first. */
export function reachableContacts(contacts: readonly ProviderContact[]): ProviderContact[] {
  return contacts
    .filter((contact) => !contact.unsubscribedAt)
    .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

/** Every contact, those who can get emails first (the primary one first), with why the others cannot. */
export function contactChoices(
  contacts: readonly ProviderContact[],
): Array<{ contact: ProviderContact; hint: string | null; selectable: boolean }> {
  const reachable = reachableContacts(contacts);
  const unsubscribed = contacts.filter((contact) => contact.unsubscribedAt);
  return [
    ...reachable.map((contact) => ({
      contact,
      hint: contact.isPrimary ? 'Primary contact' : null,
      selectable: true,
    })),
    ...unsubscribed.map((contact) => ({
      contact,
      hint: `Cannot be chosen: unsubscribed on ${formatPortalDate(contact.unsubscribedAt)}. Resubscribe them under Contacts if they ask to get emails again.`,
      selectable: false,
    })),
  ];
}

/**
 * The guidance email dialog of a provider page. First the adviser chooses whom it goes to (contacts who
 * unsubscribed are shown, not selectable, with why), which open mandatory items it lists (all by default)
 * and an optional personal message; then sees each recipient's email exactly as the API will send it
 * (subject, the HTML in a sandboxed frame, the plain text), and sends it or goes back to change it. The
 * emails are queued and logged as a case note; `sent` tells the page. A native modal `<dialog>`: focus
 * stays inside it, Escape or Cancel closes it, and focus then goes back to the button that opened it.
 */
@Component({
  selector: 'dspt-guidance-email-dialog',
  imports: [EmailPreview, ErrorSummary, FormDirective, RouterLink, TextareaField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    dialog {
      width: min(44rem, calc(100vw - 2rem));
      max-width: calc(100vw - 2rem);
      max-height: calc(100vh - 2rem);
      padding: 1.5rem;
      border: 0;
      border-top: 4px solid #005eb8;
      color: #212b32;
      box-sizing: border-box;
    }
    dialog::backdrop {
      background: rgb(33 43 50 / 60%);
    }
    @media (max-width: 40rem) {
      dialog {
        padding: 1rem;
      }
    }
  `,
  template: `
    <dialog aria-labelledby="guidance-dialog-title" data-testid="guidance-dialog" (close)="closed()" #dialog>
      <h2 id="guidance-dialog-title" tabindex="-1" #heading>
        {{ preview() ? 'Check the guidance email' : 'Send a guidance email' }}
      </h2>
      <dspt-error-summary [source]="preview() ? sending : previewing" />

      @if (contactOptions().length === 0) {
        <p data-testid="guidance-no-contact">
          No contact of this provider can get emails:
          <a
            [routerLink]="['/lsp', provider().slug, 'providers', provider().providerId, 'contacts', 'new']"
            data-testid="guidance-add-contact"
            >add a contact</a
          >, or resubscribe one who unsubscribed.
        </p>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="close()">Close</button>
      } @else if (preview(); as shown) {
        <p data-testid="guidance-preview-intro">
          {{ shown.emails.length === 1 ? 'This is the email' : 'These are the ' + shown.emails.length + ' emails' }}
          that will be sent, exactly as the recipient will get it. Nothing has been sent yet.
        </p>
        @for (email of shown.emails; track email.contactId) {
          <section [attr.data-testid]="'guidance-preview-' + email.contactId">
            <h3 class="nhsuk-heading-m">To {{ email.toName }}</h3>
            <dspt-email-preview [email]="email" [caption]="'The email to ' + email.toName" />
          </section>
        }
        <form [dsptForm]="sending" data-testid="guidance-send-form">
          <div class="nhsuk-button-group">
            <button class="nhsuk-button" type="submit" [disabled]="sending.submitting()">
              {{
                shown.emails.length === 1 ? 'Send guidance email' : 'Send ' + shown.emails.length + ' guidance emails'
              }}
            </button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="change()">
              Change the email
            </button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="close()">Cancel</button>
          </div>
        </form>
      } @else {
        <p>To {{ providerName() }}, listing what is left to do for the DSPT, each item with a link to its guidance.</p>
        <form [dsptForm]="previewing" data-testid="guidance-form">
          <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="contactError()">
            <fieldset
              class="nhsuk-fieldset"
              [attr.aria-describedby]="
                contactError() ? 'guidance-contacts-hint guidance-contacts-error' : 'guidance-contacts-hint'
              "
            >
              <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Send it to</legend>
              <div class="nhsuk-hint" id="guidance-contacts-hint">
                Each contact you select gets an email of their own.
              </div>
              @if (contactError(); as message) {
                <span class="nhsuk-error-message" id="guidance-contacts-error">
                  <span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}
                </span>
              }
              <div class="nhsuk-checkboxes" data-testid="guidance-contacts">
                @for (choice of contactChoiceList(); track choice.contact.id) {
                  <div class="nhsuk-checkboxes__item">
                    <input
                      class="nhsuk-checkboxes__input"
                      type="checkbox"
                      [id]="'guidance-contact-' + choice.contact.id"
                      [checked]="model().contactIds.includes(choice.contact.id)"
                      [disabled]="!choice.selectable"
                      [attr.aria-invalid]="contactError() ? 'true' : null"
                      [attr.aria-describedby]="choice.hint ? 'guidance-contact-' + choice.contact.id + '-hint' : null"
                      (change)="toggle('contactIds', choice.contact.id, $event)"
                    />
                    <label class="nhsuk-label nhsuk-checkboxes__label" [for]="'guidance-contact-' + choice.contact.id">
                      {{ choice.contact.name }} ({{ choice.contact.email }})
                    </label>
                    @if (choice.hint) {
                      <div
                        class="nhsuk-hint nhsuk-checkboxes__hint"
                        [id]="'guidance-contact-' + choice.contact.id + '-hint'"
                      >
                        {{ choice.hint }}
                      </div>
                    }
                  </div>
                }
              </div>
            </fieldset>
          </div>

          @if (openItems(); as items) {
            @if (items.length === 0) {
              <p data-testid="guidance-items">Every mandatory item is complete: the email will say so.</p>
            } @else {
              <div class="nhsuk-form-group" [class.nhsuk-form-group--error]="itemError()">
                <fieldset
                  class="nhsuk-fieldset"
                  [attr.aria-describedby]="
                    itemError() ? 'guidance-items-hint guidance-items-error' : 'guidance-items-hint'
                  "
                >
                  <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    Open mandatory items to include
                  </legend>
                  <div class="nhsuk-hint" id="guidance-items-hint">
                    {{ itemCount() }} open. The email lists the ones you select, each with a link to its guidance.
                  </div>
                  @if (itemError(); as message) {
                    <span class="nhsuk-error-message" id="guidance-items-error">
                      <span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}
                    </span>
                  }
                  <div class="nhsuk-checkboxes nhsuk-checkboxes--small" data-testid="guidance-items">
                    @for (item of items; track item.code) {
                      <div class="nhsuk-checkboxes__item">
                        <input
                          class="nhsuk-checkboxes__input"
                          type="checkbox"
                          [id]="'guidance-item-' + item.code"
                          [checked]="model().questionCodes.includes(item.code)"
                          [attr.aria-invalid]="itemError() ? 'true' : null"
                          [attr.aria-describedby]="'guidance-item-' + item.code + '-hint'"
                          (change)="toggle('questionCodes', item.code, $event)"
                        />
                        <label class="nhsuk-label nhsuk-checkboxes__label" [for]="'guidance-item-' + item.code">
                          {{ item.code }} {{ item.title }}
                        </label>
                        <div class="nhsuk-hint nhsuk-checkboxes__hint" [id]="'guidance-item-' + item.code + '-hint'">
                          {{ item.section }}
                        </div>
                      </div>
                    }
                  </div>
                </fieldset>
              </div>
            }
          } @else {
            <p>Loading the open items…</p>
          }

          <dspt-textarea-field
            label="Personal message (optional)"
            controlId="guidance-message"
            hint="It goes above the list of items, for example what you agreed on the phone."
            [field]="guidanceForm.message"
          />
          <div class="nhsuk-button-group">
            <button class="nhsuk-button" type="submit" [disabled]="previewing.submitting() || !openItems()">
              Preview the email
            </button>
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
  readonly sent = output<GuidanceEmailsQueued>();

  protected readonly contactOptions = computed(() => reachableContacts(this.contacts()));
  protected readonly contactChoiceList = computed(() => contactChoices(this.contacts()));
  protected readonly itemCount = computed(() => counted(this.openItems()?.length ?? 0, 'item'));
  protected readonly model = signal<GuidanceModel>({ contactIds: [], questionCodes: [], message: '' });
  protected readonly guidanceForm = form(this.model, (path) => {
    validate(path.contactIds, ({ value }) =>
      value().length === 0 ? { kind: 'none_chosen', message: 'Select at least one contact to send it to' } : undefined,
    );
    validate(path.questionCodes, ({ value }) =>
      value().length === 0 && (this.openItems()?.length ?? 0) > 0
        ? { kind: 'none_chosen', message: 'Select at least one item for the email to list' }
        : undefined,
    );
    maxLength(path.message, PERSONAL_MESSAGE_MAX, {
      message: 'The personal message must be 5,000 characters or fewer',
    });
  });
  /** Choosing, then Preview: the API renders each recipient's email. */
  protected readonly previewing = new FormSubmission(this.guidanceForm, (value) => this.showPreview(value));
  /** Checking the preview, then Send. */
  protected readonly sending = new FormSubmission(this.guidanceForm, (value) => this.send(value));
  protected readonly preview = signal<GuidanceEmailPreview | null>(null);
  protected readonly contactError = computed(() => this.shownError(this.guidanceForm.contactIds().errors()));
  protected readonly itemError = computed(() => this.shownError(this.guidanceForm.questionCodes().errors()));
  /** One per opening: sending twice (a double click, a retried request) queues the emails once. */
  private requestId = '';

  /** Opens the dialog with the primary contact and every open item chosen, no message; its heading takes focus. */
  show(): void {
    this.requestId = crypto.randomUUID();
    this.preview.set(null);
    this.reset(this.initialChoice());
    this.dialog().nativeElement.showModal();
    this.heading().nativeElement.focus();
  }

  protected close(): void {
    this.dialog().nativeElement.close();
  }

  /** Closed by Send, Cancel or Escape: no errors left showing (nor "Error:" in the page title). */
  protected closed(): void {
    this.preview.set(null);
    this.reset({ contactIds: [], questionCodes: [], message: '' });
  }

  /** Back from the preview to the choices, as they were. */
  protected change(): void {
    this.preview.set(null);
    this.sending.reset(this.model());
    this.heading().nativeElement.focus();
  }

  protected toggle(field: 'contactIds' | 'questionCodes', value: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    const state = this.guidanceForm[field]();
    const current = state.value();
    state.value.set(
      checked ? [...current.filter((one) => one !== value), value] : current.filter((one) => one !== value),
    );
  }

  private shownError(errors: ReadonlyArray<{ message?: string }>): string | null {
    return this.previewing.attempted() && errors[0] ? (errors[0].message ?? 'Check this answer') : null;
  }

  private initialChoice(): GuidanceModel {
    return {
      contactIds: this.contactOptions()[0] ? [this.contactOptions()[0].id] : [],
      questionCodes: (this.openItems() ?? []).map((item) => item.code),
      message: '',
    };
  }

  private reset(value: GuidanceModel): void {
    this.previewing.reset(value);
    this.sending.reset(value);
  }

  /** In the order shown: contacts as listed, items in DSPT order. */
  private request({ contactIds, questionCodes, message }: GuidanceModel): GuidanceEmailPreviewInput {
    const items = this.openItems() ?? [];
    return {
      contactIds: this.contactOptions()
        .map((contact) => contact.id)
        .filter((id) => contactIds.includes(id)),
      ...(items.length > 0
        ? { questionCodes: items.map((item) => item.code).filter((code) => questionCodes.includes(code)) }
        : {}),
      ...(message.trim() ? { message: message.trim() } : {}),
    };
  }

  private async showPreview(value: GuidanceModel): Promise<void> {
    this.preview.set(await this.api.previewGuidance(this.provider(), this.request(value)));
    this.heading().nativeElement.focus();
  }

  private async send(value: GuidanceModel): Promise<void> {
    const queued = await this.api.sendGuidance(this.provider(), { ...this.request(value), requestId: this.requestId });
    this.close();
    this.sent.emit(queued);
  }
}
