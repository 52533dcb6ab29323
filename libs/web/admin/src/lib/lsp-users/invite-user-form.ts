import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { form, required } from '@angular/forms/signals';
import type { Invitation } from '@dspt/contracts';
import { TENANT_ROLES, isTenantRole } from '@dspt/domain';
import { TENANT_ROLE_HINTS, TENANT_ROLE_LABELS } from '@dspt/web/core';
import {
  ErrorSummary,
  FormDirective,
  FormSubmission,
  type RadioOption,
  Radios,
  TextField,
  validateEmailAddress,
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
  imports: [ErrorSummary, FormDirective, Radios, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="invite-form">
      <dspt-text-field
        label="Email address"
        controlId="invite-email"
        hint="We will email them a link to set up their account. The link works for 7 days."
        type="email"
        autocomplete="off"
        [spellcheck]="false"
        [field]="inviteForm.email"
      />
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
    validateEmailAddress(path.email, 'Enter the email address of the person to invite');
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
