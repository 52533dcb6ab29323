import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import type { SubjectAccessExport } from '@dspt/contracts';
import { AuthService, membershipOf } from '@dspt/web/auth';
import { counted } from '@dspt/web/core';
import {
  ErrorSummary,
  FormDirective,
  FormSubmission,
  SuccessBanner,
  TextField,
  validateEmailAddress,
} from '@dspt/web/ui';
import { SubjectAccessApi } from './subject-access.api';

/** The downloaded file's name: the LSP and the day, never the address. */
export function subjectAccessFileName(slug: string, generatedAt: string): string {
  return `subject-access-${slug}-${generatedAt.slice(0, 10)}.json`;
}

function summary(data: SubjectAccessExport): string {
  return [
    counted(data.contacts.length, 'contact record'),
    counted(data.emails.length, 'email'),
    counted(data.notes.length, 'case note'),
    counted(data.tasks.length, 'task'),
    counted(data.auditEvents.length, 'audit event'),
  ].join(', ');
}

/**
 * `/lsp/:slug/subject-access` (LSP admins): a person asked for a copy of their data (UK GDPR art. 15).
 * The admin types the address and downloads everything the LSP holds about it as a JSON file; the
 * request is recorded in the LSP's audit trail.
 */
@Component({
  selector: 'dspt-subject-access-page',
  imports: [ErrorSummary, FormDirective, SuccessBanner, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <dspt-success-banner testId="subject-access-confirmation" [message]="confirmation()" />
    <span class="nhsuk-caption-l">{{ lspName() }}</span>
    <h1>Subject access request</h1>
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <p>
          When someone asks for a copy of the data {{ lspName() }} holds about them, download it here: their contact
          records at every provider, the emails sent to them, the case notes, tasks, progress comments, reconciliation
          reasons, transfer requests and other emails that name them, whether they unsubscribed, and the audit events
          about them.
        </p>
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>Check the person's identity first. The download is recorded in the LSP's audit trail.</p>
        </div>
        <form [dsptForm]="submission" data-testid="subject-access-form">
          <dspt-text-field
            label="Their email address"
            controlId="subject-email"
            hint="Upper and lower case letters do not matter."
            type="email"
            autocomplete="off"
            [spellcheck]="false"
            [field]="requestForm.email"
          />
          <button class="nhsuk-button" type="submit">Download their data</button>
        </form>
      </div>
    </div>
  `,
})
export class SubjectAccessPage {
  private readonly api = inject(SubjectAccessApi);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly lspName = computed(() => {
    const user = this.auth.currentUser();
    return (user && membershipOf(user, this.slug())?.tenant.name) ?? this.slug();
  });
  protected readonly confirmation = signal<string | null>(null);
  protected readonly requestForm = form(signal({ email: '' }), (path) => {
    validateEmailAddress(path.email, 'Enter the email address of the person who asked');
  });
  protected readonly submission = new FormSubmission(this.requestForm, (value) => this.download(value.email.trim()));

  private async download(email: string): Promise<void> {
    this.confirmation.set(null);
    const file = await this.api.export(this.slug(), email);
    this.save(file.text, subjectAccessFileName(this.slug(), file.data.generatedAt));
    this.confirmation.set(`Downloaded the data held about ${file.data.email}: ${summary(file.data)}.`);
  }

  private save(text: string, fileName: string): void {
    const view = this.document.defaultView;
    if (!view?.URL.createObjectURL) {
      return;
    }
    const url = view.URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    // After the click has started the download.
    setTimeout(() => view.URL.revokeObjectURL(url));
  }
}
