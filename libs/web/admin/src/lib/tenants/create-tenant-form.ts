import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { form, pattern, required } from '@angular/forms/signals';
import type { CreateTenantRequest, TenantSummary } from '@dspt/contracts';
import { ENGLISH_REGIONS } from '@dspt/domain';
import {
  ErrorSummary,
  FormDirective,
  FormSubmission,
  SelectField,
  TextField,
  validateEmailAddress,
} from '@dspt/web/ui';
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
  imports: [ErrorSummary, FormDirective, SelectField, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="create-tenant-form">
      <dspt-text-field
        label="Name"
        controlId="tenant-name"
        autocomplete="organization"
        [field]="tenantForm.name"
        (typed)="nameChanged($event)"
      />
      <dspt-text-field
        label="Slug"
        controlId="tenant-slug"
        hint="Used in the LSP's web addresses. Lowercase letters, numbers and hyphens, like tyne-and-wear-care-alliance."
        [width]="30"
        autocomplete="off"
        autocapitalize="none"
        [spellcheck]="false"
        [field]="tenantForm.slug"
        (typed)="slugEdited($event)"
      />
      <dspt-select-field
        label="Region"
        controlId="tenant-region"
        placeholder="Select a region"
        [options]="regions"
        [field]="tenantForm.region"
      />
      <dspt-text-field
        label="Email address of the LSP's first admin (optional)"
        controlId="tenant-admin-email"
        hint="We will email them an invitation to set up their account. You can leave this blank and invite an admin later."
        type="email"
        autocomplete="off"
        [spellcheck]="false"
        [field]="tenantForm.adminEmail"
      />
      <button class="nhsuk-button" type="submit">Add LSP</button>
    </form>
  `,
})
export class CreateTenantForm {
  private readonly api = inject(TenantsApi);

  readonly created = output<TenantCreated>();

  protected readonly regions = ENGLISH_REGIONS.map((region) => ({ value: region, label: region }));
  /** Whether the admin typed a slug of their own, which the name then no longer overwrites. */
  private slugIsOwn = false;

  protected readonly tenantForm = form(signal<TenantModel>(EMPTY), (path) => {
    required(path.name, { message: "Enter the LSP's name" });
    required(path.slug, { message: 'Enter a slug' });
    pattern(path.slug, SLUG_PATTERN, {
      message: 'The slug must only include lowercase letters, numbers and hyphens between words',
    });
    required(path.region, { message: 'Select a region' });
    validateEmailAddress(path.adminEmail);
  });

  // A taken slug (409) is a problem with the slug field: it shows there.
  protected readonly submission = new FormSubmission(this.tenantForm, (value) => this.create(value), {
    problemFieldByStatus: { 409: this.tenantForm.slug },
  });

  // These take the control's text rather than the model's: the form may not have taken the keystroke in yet.
  protected nameChanged(name: string): void {
    if (!this.slugIsOwn) {
      this.tenantForm.slug().value.set(suggestSlug(name));
    }
  }

  /** Clearing the slug hands it back to the suggestion. */
  protected slugEdited(slug: string): void {
    this.slugIsOwn = slug !== '';
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
