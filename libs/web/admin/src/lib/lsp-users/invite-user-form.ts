import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormField, email, form, required } from '@angular/forms/signals';
import type { Invitation } from '@dspt/contracts';
import { TENANT_ROLES, isTenantRole } from '@dspt/domain';
import { TENANT_ROLE_HINTS, TENANT_ROLE_LABELS } from '@dspt/web/core';
import {
  ErrorSummary,
  FormControlDirective,
  FormDirective,
  FormFieldGroup,
  FormSubmission,
  type RadioOption,
  Radios,
} from '@dspt/web/ui';
import { LspUsersApi } from './lsp-users.api';

interface InviteModel {
  email: string;
  role: string;
}

const ROLE_OPTIONS: readonly RadioOption[] = TENANT_ROLES.map((role) => ({
  value: role,
  label: TENANT_ROLE_LABELS[role],
  hint: TENANT_ROLE_HINTS[role],
}));

const EMPTY: InviteModel = { email: '', role: '' };

/** Invites someone to the LSP by email, with a role; emits the invitation once sent. */
@Component({
  selector: 'dspt-invite-user-form',
  imports: [ErrorSummary, FormControlDirective, FormDirective, FormField, FormFieldGroup, Radios],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="invite-form">
      <dspt-form-field
        label="Email address"
        controlId="invite-email"
        hint="We will email them a link to set up their account. The link works for 7 days."
        [field]="inviteForm.email"
      >
        <input class="nhsuk-input" dsptControl type="email" autocomplete="off" spellcheck="false" [formField]="inviteForm.email" />
      </dspt-form-field>
      <dspt-radios legend="Role" idPrefix="invite-role" [options]="roleOptions" [field]="inviteForm.role" />
      <button class="nhsuk-button" type="submit">Send invitation</button>
    </form>
  `,
})
export class InviteUserForm {
  private readonly api = inject(LspUsersApi);

  readonly slug = input.required<string>();
  readonly invited = output<Invitation>();

  protected readonly roleOptions = ROLE_OPTIONS;
  protected readonly inviteForm = form(signal<InviteModel>(EMPTY), (path) => {
    required(path.email, { message: 'Enter the email address of the person to invite' });
    email(path.email, { message: 'Enter an email address in the correct format, like name@example.com' });
    required(path.role, { message: 'Select a role' });
  });
  protected readonly submission = new FormSubmission(this.inviteForm, (value) => this.invite(value));

  private async invite({ email, role }: InviteModel): Promise<void> {
    if (!isTenantRole(role)) {
      return;
    }
    const invitation = await this.api.invite(this.slug(), { email: email.trim(), role });
    this.submission.reset(EMPTY);
    this.invited.emit(invitation);
  }
}
