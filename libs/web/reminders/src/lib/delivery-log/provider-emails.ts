import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type { BlockerList, EmailMessageView, ProviderContact } from '@dspt/contracts';
import { LoadingState, SuccessBanner } from '@dspt/web/ui';
import { EmailsApi } from '../api/emails.api';
import { GuidanceEmailDialog } from '../guidance/guidance-email-dialog';
import { DeliveryLog } from './delivery-log';
import { reloadWhileQueued } from './reload-while-queued';

/**
 * The "Emails" section of a provider page: every reminder and guidance email to the provider with its
 * status, failed ones sent again from their row, and (for advisers and admins) the guidance email
 * dialog. `guidanceSent` tells the page, whose case notes then show the email.
 */
@Component({
  selector: 'dspt-provider-emails',
  imports: [DeliveryLog, GuidanceEmailDialog, LoadingState, SuccessBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-success-banner testId="emails-confirmation" [message]="confirmation()" />
    @if (canWrite()) {
      <button
        class="nhsuk-button nhsuk-button--secondary"
        type="button"
        data-testid="open-guidance-dialog"
        (click)="dialog.show()"
      >
        Send a guidance email
      </button>
      <dspt-guidance-email-dialog
        [provider]="ref()"
        [providerName]="providerName()"
        [contacts]="contacts()"
        [openItems]="openItems()"
        (sent)="guidanceQueued($event)"
        #dialog
      />
    }
    @if (log.hasValue()) {
      @if (log.value().items.length === 0) {
        <p data-testid="no-emails">No emails to this provider yet.</p>
      } @else {
        <dspt-delivery-log
          [slug]="slug()"
          [messages]="log.value().items"
          caption="Emails to this provider, newest first"
          [canRetry]="canWrite()"
          (retried)="log.reload()"
        />
      }
    } @else {
      <dspt-loading-state what="emails" [error]="log.error()" />
    }
  `,
})
export class ProviderEmails {
  private readonly api = inject(EmailsApi);

  readonly slug = input.required<string>();
  readonly providerId = input.required<string>();
  readonly providerName = input.required<string>();
  readonly contacts = input.required<readonly ProviderContact[]>();
  /** The provider's open mandatory items (its blockers); null while they load. */
  readonly openItems = input.required<BlockerList['items'] | null>();
  /** Advisers and admins send guidance emails and retry failed ones. */
  readonly canWrite = input(false);
  readonly guidanceSent = output<EmailMessageView>();

  protected readonly ref = computed(() => ({ slug: this.slug(), providerId: this.providerId() }));
  protected readonly log = this.api.providerLogResource(this.ref);
  protected readonly confirmation = signal<string | null>(null);

  constructor() {
    reloadWhileQueued(this.log);
  }

  protected guidanceQueued(message: EmailMessageView): void {
    this.confirmation.set(
      `Guidance email to ${message.toName} queued. It is in the list below, and in the case notes.`,
    );
    this.log.reload();
    this.guidanceSent.emit(message);
  }
}
