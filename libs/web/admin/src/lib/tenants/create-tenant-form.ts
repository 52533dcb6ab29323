import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormField, email, form, pattern, required } from '@angular/forms/signals';
import type { CreateTenantRequest, TenantSummary } from '@dspt/contracts';
import { ENGLISH_REGIONS } from '@dspt/domain';
import { ErrorSummary, FormControlDirective, FormDirective, FormFieldGroup, FormSubmission } from '@dspt/web/ui';
import { SLUG_PATTERN, suggestSlug } from './suggest-slug';
import { TenantsApi } from './tenants.api';

interface TenantModel {
  name: string;
  slug: string;
  region: string;
  adminEmail: string;
}

const EMPTY: TenantModel = { name: '', slug: '', region: '', adminEmail: '' };

export interface TenantCreated {
  tenant: TenantSummary;
  adminEmail: string | null;
}

/**
 * Adds an LSP: its name, a slug suggested from the name (until the admin edits it), its region, and
 * optionally the email of its first admin, who gets an invitation.
 */
@Component({
  selector: 'dspt-create-tenant-form',
  imports: [ErrorSummary, FormControlDirective, FormDirective, FormField, FormFieldGroup],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="create-tenant-form">
      <dspt-form-field label="Name" controlId="tenant-name" [field]="tenantForm.name">
        <input class="nhsuk-input" dsptControl type="text" autocomplete="organization" [formField]="tenantForm.name" (input)="nameChanged($event)" />
      </dspt-form-field>
      <dspt-form-field
        label="Slug"
        controlId="tenant-slug"
        hint="Used in the LSP's web addresses. Lowercase letters, numbers and hyphens, like tyne-and-wear-care-alliance."
        [field]="tenantForm.slug"
      >
        <input
          class="nhsuk-input nhsuk-input--width-30"
          dsptControl
          type="text"
          autocomplete="off"
          autocapitalize="none"
          spellcheck="false"
          [formField]="tenantForm.slug"
          (input)="slugEdited($event)"
        />
      </dspt-form-field>
      <dspt-form-field label="Region" controlId="tenant-region" [field]="tenantForm.region">
        <select class="nhsuk-select" dsptControl [formField]="tenantForm.region">
          <option value="">Select a region</option>
          @for (region of regions; track region) {
            <option [value]="region">{{ region }}</option>
          }
        </select>
      </dspt-form-field>
      <dspt-form-field
        label="Email address of the LSP's first admin (optional)"
        controlId="tenant-admin-email"
        hint="We will email them an invitation to set up their account. You can leave this blank and invite an admin later."
        [field]="tenantForm.adminEmail"
      >
        <input class="nhsuk-input" dsptControl type="email" autocomplete="off" spellcheck="false" [formField]="tenantForm.adminEmail" />
      </dspt-form-field>
      <button class="nhsuk-button" type="submit">Add LSP</button>
    </form>
  `,
})
export class CreateTenantForm {
  private readonly api = inject(TenantsApi);

  readonly created = output<TenantCreated>();

  protected readonly regions = ENGLISH_REGIONS;
  /** Whether the admin typed a slug of their own, which the name then no longer overwrites. */
  private slugIsOwn = false;

  protected readonly tenantForm = form(signal<TenantModel>(EMPTY), (path) => {
    required(path.name, { message: "Enter the LSP's name" });
    required(path.slug, { message: 'Enter a slug' });
    pattern(path.slug, SLUG_PATTERN, {
      message: 'The slug must only include lowercase letters, numbers and hyphens between words',
    });
    required(path.region, { message: 'Select a region' });
    email(path.adminEmail, { message: 'Enter an email address in the correct format, like name@example.com' });
  });

  // A taken slug (409) is a problem with the slug field: it shows there.
  protected readonly submission = new FormSubmission(this.tenantForm, (value) => this.create(value), {
    problemFieldByStatus: { 409: this.tenantForm.slug },
  });

  // These read the control rather than the model: the form may not have taken the keystroke in yet.
  protected nameChanged(event: Event): void {
    if (!this.slugIsOwn) {
      this.tenantForm.slug().value.set(suggestSlug((event.target as HTMLInputElement).value));
    }
  }

  /** Clearing the slug hands it back to the suggestion. */
  protected slugEdited(event: Event): void {
    this.slugIsOwn = (event.target as HTMLInputElement).value !== '';
  }

  private async create({ name, slug, region, adminEmail }: TenantModel): Promise<void> {
    const request: CreateTenantRequest = { name: name.trim(), slug, region };
    const email = adminEmail.trim();
    if (email) {
      request.adminEmail = email;
    }
    const tenant = await this.api.create(request);
    this.slugIsOwn = false;
    this.submission.reset(EMPTY);
    this.created.emit({ tenant, adminEmail: email || null });
  }
}

