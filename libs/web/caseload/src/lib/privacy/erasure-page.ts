import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { form, required } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import type { ErasureResult } from '@dspt/contracts';
import { counted } from '@dspt/web/core';
import { ErrorSummary, FocusOnRender, FormDirective, FormSubmission, LoadingState, TextField } from '@dspt/web/ui';
import { CaseloadApi } from '../api/caseload.api';
import { ErasureApi } from '../api/erasure.api';

/** What the page erases: a contact (the route has `:contactId`) or the whole provider. */
type Subject = { kind: 'contact'; name: string; email: string } | { kind: 'provider' };

/**
 * `/lsp/:slug/providers/:providerId/erase` and `.../contacts/:contactId/erase` (LSP admins): a person
 * asked to be erased, or a provider is leaving the programme. An NHS.UK warning callout says what goes
 * and what stays; erasing a provider asks for its ODS code again. It cannot be undone.
 */
@Component({
  selector: 'dspt-erasure-page',
  imports: [ErrorSummary, FocusOnRender, FormDirective, LoadingState, RouterLink, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!done()) {
      <a class="nhsuk-back-link" [routerLink]="['/lsp', slug(), 'providers', providerId()]">Back to the provider</a>
    }
    @if (done(); as outcome) {
      <div class="nhsuk-panel" data-testid="erasure-done">
        <h1 class="nhsuk-panel__title" tabindex="-1" dsptFocusOnRender>{{ outcome.heading }}</h1>
        <div class="nhsuk-panel__body">{{ outcome.body }}</div>
      </div>
      <p>
        @if (contactId()) {
          <a [routerLink]="['/lsp', slug(), 'providers', providerId()]">Back to the provider</a>
        } @else {
          <a [routerLink]="['/lsp', slug(), 'caseload']">Back to the caseload</a>
        }
      </p>
    } @else if (provider.hasValue()) {
      @let current = provider.value();
      @let what = subject();
      <dspt-error-summary [source]="submission" />
      <span class="nhsuk-caption-l">{{ current.name }} ({{ current.odsCode }})</span>
      @if (what === null) {
        <h1>Contact not found</h1>
        <p>This provider has no such contact. It may have been erased or removed already.</p>
      } @else {
        <h1>{{ what.kind === 'contact' ? 'Erase ' + what.name : 'Erase ' + current.name }}</h1>
        <div class="nhsuk-card nhsuk-card--warning" data-testid="erasure-warning">
          <div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading" data-testid="erasure-warning-heading">
              <span class="nhsuk-u-visually-hidden">Important: </span>This cannot be undone
            </h2>
            @if (what.kind === 'contact') {
              <p>
                Every contact record of {{ what.email }} in this LSP will be deleted, at any provider. Their address and
                name will be replaced by "[erased]" in case notes, tasks, progress comments, the emails log and the
                audit trail. Emails not yet sent to them will not be sent.
              </p>
            } @else {
              <p>
                {{ current.name }}{{ current.kind === 'hq' ? ' and its branches' : '' }} will be deleted with everything
                the LSP holds about it: contacts, progress, publications, case notes, tasks and emails. Its contacts'
                addresses and names will be replaced by "[erased]" elsewhere in this LSP. The audit trail keeps a record
                that it was erased, with its ODS code only. Completion statistics keep their counts.
              </p>
            }
            <p>Only erase when the person asked for it, or the provider has left the programme.</p>
          </div>
        </div>
        <form [dsptForm]="submission" data-testid="erasure-form">
          @if (what.kind === 'provider') {
            <dspt-text-field
              label="Type the provider's ODS code to confirm"
              controlId="confirm-ods-code"
              [hint]="'The ODS code is ' + current.odsCode + '.'"
              [width]="10"
              autocomplete="off"
              autocapitalize="characters"
              [spellcheck]="false"
              [field]="confirmForm.confirmOdsCode"
            />
          }
          <div class="nhsuk-button-group">
            <button class="nhsuk-button nhsuk-button--warning" type="submit">
              {{ what.kind === 'contact' ? 'Erase contact' : 'Erase provider' }}
            </button>
            <a class="nhsuk-link" [routerLink]="['/lsp', slug(), 'providers', providerId()]">Cancel</a>
          </div>
        </form>
      }
    } @else {
      <h1>Erase</h1>
      <dspt-loading-state what="provider" [error]="provider.error()" />
    }
  `,
})
export class ErasurePage {
  private readonly caseload = inject(CaseloadApi);
  private readonly erasure = inject(ErasureApi);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();
  /** The `:providerId` route parameter. */
  readonly providerId = input.required<string>();
  /** The `:contactId` route parameter, on the contact's page only. */
  readonly contactId = input<string>();

  protected readonly ref = computed(() => ({ slug: this.slug(), providerId: this.providerId() }));
  protected readonly provider = this.caseload.providerResource(this.ref);
  protected readonly subject = computed<Subject | null>(() => {
    const contactId = this.contactId();
    if (!contactId) {
      return { kind: 'provider' };
    }
    const contact = this.provider.hasValue()
      ? this.provider.value().contacts.find((candidate) => candidate.id === contactId)
      : undefined;
    return contact ? { kind: 'contact', name: contact.name, email: contact.email } : null;
  });
  protected readonly confirmForm = form(signal({ confirmOdsCode: '' }), (path) => {
    required(path.confirmOdsCode, {
      message: "Enter the provider's ODS code",
      when: () => this.subject()?.kind === 'provider',
    });
  });
  protected readonly submission = new FormSubmission(this.confirmForm, (value) => this.erase(value.confirmOdsCode));

  protected readonly done = signal<{ heading: string; body: string } | null>(null);

  private async erase(confirmOdsCode: string): Promise<void> {
    const contactId = this.contactId();
    const subject = this.subject();
    if (contactId && subject?.kind === 'contact') {
      const result = await this.erasure.eraseContact(this.ref(), contactId);
      this.done.set({ heading: `${subject.name} was erased`, body: redactedSummary(result) });
    } else if (this.provider.hasValue()) {
      const name = this.provider.value().name;
      const result = await this.erasure.eraseProvider(this.ref(), { confirmOdsCode: confirmOdsCode.trim() });
      this.done.set({
        heading: `${name} was erased`,
        body: `${counted(result.providersDeleted, 'provider')} and ${counted(result.contactsDeleted, 'contact')} deleted. ${redactedSummary(result)}`,
      });
    }
  }
}

function redactedSummary(result: ErasureResult): string {
  const redacted = [
    counted(result.emailsRedacted, 'email'),
    counted(result.notesRedacted, 'case note'),
    counted(result.tasksRedacted, 'task'),
    counted(result.auditEventsRedacted, 'audit event'),
  ];
  return `Mentions removed from ${redacted.join(', ')}.`;
}
