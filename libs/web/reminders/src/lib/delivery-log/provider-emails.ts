import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import type {
  BlockerList,
  EmailMessageList,
  EmailMessageView,
  GuidanceEmailsQueued,
  ProviderContact,
} from '@dspt/contracts';
import { preloadedResource } from '@dspt/web/core';
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
    <p class="nhsuk-body" role="status" data-testid="guidance-status">{{ guidanceStatus() }}</p>
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
  /** The emails as they came with the provider page's answer; when not given, they are asked for here. */
  readonly firstLog = input<EmailMessageList>();
  readonly guidanceSent = output<EmailMessageView>();

  protected readonly ref = computed(() => ({ slug: this.slug(), providerId: this.providerId() }));
  protected readonly log = preloadedResource({
    request: this.ref,
    first: this.firstLog,
    load: (ref) => this.api.getProviderLog(ref),
  });
  protected readonly confirmation = signal<string | null>(null);
  /** The guidance emails last sent from this page, followed until each is sent or failed. */
  private readonly followed = signal<readonly EmailMessageView[]>([]);
  /** Where they are, said in a polite live region as it changes: "Guidance email to Kim Owner: sent." */
  protected readonly guidanceStatus = computed(() => {
    const listed = new Map((this.log.hasValue() ? this.log.value().items : []).map((item) => [item.id, item]));
    return this.followed()
      .map((sent) => followedStatus(listed.get(sent.id) ?? sent))
      .join(' ');
  });
  private readonly reloads = reloadWhileQueued(this.log);

  protected guidanceQueued(queued: GuidanceEmailsQueued): void {
    const names = queued.messages.map((message) => message.toName);
    this.confirmation.set(
      `${names.length === 1 ? 'Guidance email' : 'Guidance emails'} to ${listOfNames(names)} queued. ${
        names.length === 1 ? 'It is' : 'They are'
      } in the list below, and in the case notes.`,
    );
    this.followed.set(queued.messages);
    this.reloads.restart();
    this.log.reload();
    this.guidanceSent.emit(queued);
  }
}

function listOfNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function followedStatus(message: EmailMessageView): string {
  const to = `Guidance email to ${message.toName}:`;
  switch (message.status) {
    case 'queued':
      return `${to} queued.`;
    case 'sent':
      return `${to} sent.`;
    case 'failed':
      return `${to} failed (${message.lastError ?? 'no reason given'}).`;
    case 'suppressed':
      return `${to} not sent (${message.lastError ?? 'no reason given'}).`;
  }
}
