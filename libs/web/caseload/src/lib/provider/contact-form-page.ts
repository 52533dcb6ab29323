import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { form, maxLength, required, validate } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import type { ProviderContact, ProviderContactInput } from '@dspt/contracts';
import { CONTACT_ROLES, type ContactRole, ukPhoneNumberProblem } from '@dspt/domain';
import { CONTACT_ROLE_LABELS, apiProblemFrom, portalTitle } from '@dspt/web/core';
import {
  ConfirmationCard,
  ErrorSummary,
  FormDirective,
  FormSubmission,
  LoadingState,
  PageNotFound,
  Radios,
  SelectField,
  TextField,
  labelledOptions,
  validateEmailAddress,
} from '@dspt/web/ui';
import { CaseloadApi } from '../api/caseload.api';
import { ProviderNotice } from './provider-notice';

interface ContactModel {
  name: string;
  email: string;
  phone: string;
  role: string;
  isPrimary: 'yes' | 'no';
}

function modelOf(contact: ProviderContact | undefined, hasPrimary: boolean): ContactModel {
  return contact
    ? {
        name: contact.name,
        email: contact.email,
        phone: contact.phone ?? '',
        role: contact.role,
        isPrimary: contact.isPrimary ? 'yes' : 'no',
      }
    : { name: '', email: '', phone: '', role: '', isPrimary: hasPrimary ? 'no' : 'yes' };
}

/**
 * `/lsp/:slug/providers/:providerId/contacts/new` and `.../contacts/:contactId/edit` (advisers and admins):
 * a contact's name, email, phone (a UK number, checked as the API checks it) and role, and whether they are
 * the provider's primary contact. Editing also offers to remove the contact, after asking. Each ends on the
 * provider's page, whose banner says what was done.
 */
@Component({
  selector: 'dspt-contact-form-page',
  imports: [
    ConfirmationCard,
    ErrorSummary,
    FormDirective,
    LoadingState,
    PageNotFound,
    Radios,
    RouterLink,
    SelectField,
    TextField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <dspt-page-not-found />
    } @else {
      <a class="nhsuk-back-link" [routerLink]="providerLink()">Back to the provider</a>
      @if (provider.hasValue()) {
        <dspt-error-summary [source]="submission" />
        <span class="nhsuk-caption-l">{{ provider.value().name }} ({{ provider.value().odsCode }})</span>
        <h1>{{ heading() }}</h1>
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-two-thirds">
            <form [dsptForm]="submission" data-testid="contact-form">
              <dspt-text-field
                label="Full name"
                controlId="contact-name"
                autocomplete="off"
                [spellcheck]="false"
                [field]="contactForm.name"
              />
              <dspt-text-field
                label="Email address"
                controlId="contact-email"
                type="email"
                autocomplete="off"
                [spellcheck]="false"
                [field]="contactForm.email"
              />
              <dspt-text-field
                label="Phone number (optional)"
                controlId="contact-phone"
                hint="A UK number, like 0113 496 0000 or 07700 900 123"
                type="tel"
                autocomplete="off"
                [width]="20"
                [field]="contactForm.phone"
              />
              <dspt-select-field
                label="Role"
                controlId="contact-role"
                placeholder="Select a role"
                [options]="roles"
                [field]="contactForm.role"
              />
              <dspt-radios
                legend="Is this the primary contact?"
                idPrefix="contact-primary"
                hint="Emails and reminders go to the primary contact first. A provider has one."
                [options]="yesNo"
                [field]="contactForm.isPrimary"
              />
              <div class="nhsuk-button-group">
                <button class="nhsuk-button" type="submit" [disabled]="submission.submitting()">
                  {{ contactId() ? 'Save changes' : 'Add contact' }}
                </button>
                @if (contact(); as current) {
                  <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="askToRemove.set(true)">
                    Remove contact
                  </button>
                }
              </div>
            </form>
            @if (removeProblem(); as problem) {
              <p class="nhsuk-error-message" role="alert" data-testid="remove-problem">
                <span class="nhsuk-u-visually-hidden">Error: </span>{{ problem }}
              </p>
            }
            @if (askToRemove() && contact(); as current) {
              <dspt-confirmation-card
                [heading]="'Remove ' + current.name + '?'"
                description="They will no longer get emails about this provider. The audit trail keeps a record of the change."
                [confirmLabel]="'Yes, remove ' + current.name"
                (confirmed)="remove(current)"
                (cancelled)="askToRemove.set(false)"
              />
            }
          </div>
        </div>
      } @else {
        <dspt-loading-state what="provider" [error]="provider.error()" />
      }
    }
  `,
})
export class ContactFormPage {
  private readonly api = inject(CaseloadApi);
  private readonly router = inject(Router);
  private readonly notice = inject(ProviderNotice);
  private readonly title = inject(Title);

  readonly slug = input.required<string>();
  readonly providerId = input.required<string>();
  /** Absent when adding. */
  readonly contactId = input<string>();

  private readonly ref = computed(() => ({ slug: this.slug(), providerId: this.providerId() }));
  protected readonly provider = this.api.providerResource(this.ref);
  protected readonly providerLink = computed(() => ['/lsp', this.slug(), 'providers', this.providerId()]);
  protected readonly contact = computed(() =>
    this.provider.hasValue()
      ? this.provider.value().contacts.find((contact) => contact.id === this.contactId())
      : undefined,
  );
  /** No such provider, or (when editing) no such contact of it. */
  protected readonly notFound = computed(() => {
    const error = this.provider.error();
    if (error) {
      return [400, 404].includes(apiProblemFrom(error).status);
    }
    return this.provider.hasValue() && !!this.contactId() && !this.contact();
  });
  protected readonly heading = computed(() =>
    this.contactId() ? `Change ${this.contact()?.name ?? 'contact'}` : 'Add a contact',
  );
  protected readonly askToRemove = signal(false);
  /** Why the contact could not be removed (an archived provider, say). */
  protected readonly removeProblem = signal<string | null>(null);

  protected readonly roles = labelledOptions<ContactRole>(CONTACT_ROLES, CONTACT_ROLE_LABELS);
  protected readonly yesNo = [
    { value: 'yes', label: 'Yes' },
    { value: 'no', label: 'No' },
  ];

  private readonly model = linkedSignal<ContactModel>(() =>
    modelOf(
      this.contact(),
      this.provider.hasValue() && this.provider.value().contacts.some((contact) => contact.isPrimary),
    ),
  );
  protected readonly contactForm = form(this.model, (path) => {
    required(path.name, { message: "Enter the contact's full name" });
    maxLength(path.name, 120, { message: 'Full name must be 120 characters or fewer' });
    validateEmailAddress(path.email, "Enter the contact's email address");
    validate(path.phone, ({ value }) => {
      const problem = value().trim() ? ukPhoneNumberProblem(value().trim()) : null;
      return problem ? { kind: 'phone', message: problem } : undefined;
    });
    required(path.role, { message: 'Select a role' });
  });
  // A repeated address (409) is a problem with the email field: it shows there.
  protected readonly submission = new FormSubmission(this.contactForm, (value) => this.save(value), {
    problemFieldByStatus: { 409: this.contactForm.email },
  });

  constructor() {
    effect(() => {
      this.title.setTitle(portalTitle(this.notFound() ? 'Page not found' : this.heading()));
    });
  }

  private async save(value: ContactModel): Promise<void> {
    const input: ProviderContactInput = {
      name: value.name.trim(),
      email: value.email.trim(),
      phone: value.phone.trim() || null,
      role: value.role as ContactRole,
      isPrimary: value.isPrimary === 'yes',
    };
    const contactId = this.contactId();
    const saved = contactId
      ? await this.api.updateContact(this.ref(), contactId, input)
      : await this.api.addContact(this.ref(), input);
    this.notice.tell(this.providerId(), contactId ? `Contact changed: ${saved.name}` : `Contact added: ${saved.name}`);
    await this.router.navigate(this.providerLink());
  }

  protected async remove(contact: ProviderContact): Promise<void> {
    this.removeProblem.set(null);
    try {
      await this.api.removeContact(this.ref(), contact.id);
    } catch (failure: unknown) {
      this.removeProblem.set(apiProblemFrom(failure).message);
      return;
    }
    this.notice.tell(this.providerId(), `Contact removed: ${contact.name}`);
    await this.router.navigate(this.providerLink());
  }
}
