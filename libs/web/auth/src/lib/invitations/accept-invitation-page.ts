import { ChangeDetectionStrategy, Component, type OnInit, computed, inject, input, signal } from '@angular/core';
import { form, required } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import type { InvitationPreview } from '@dspt/contracts';
import { isTenantRole } from '@dspt/domain';
import { TENANT_ROLE_LABELS, apiProblemFrom, PortalDatePipe } from '@dspt/web/core';
import { ErrorSummary, FormDirective, FormSubmission, TextField } from '@dspt/web/ui';
import { NewPasswordFields, validateNewPassword } from '../passwords/new-password';
import { AuthService } from '../session/auth.service';
import { InvitationsApi } from './invitations.api';

type InvitationState =
  | { state: 'checking' }
  | { state: 'valid'; preview: InvitationPreview }
  | { state: 'not-valid' }
  | { state: 'expired' }
  | { state: 'failed'; message: string };

interface AccountModel {
  displayName: string;
  password: string;
  confirmPassword: string;
}

/**
 * `/invitations/accept?token=...&lsp={slug}`: the link in an invitation email. Shows what the invitation
 * is for, then creates the account (name and password); next comes setting up two-factor authentication.
 */
@Component({
  selector: 'dspt-accept-invitation-page',
  imports: [PortalDatePipe, ErrorSummary, FormDirective, NewPasswordFields, RouterLink, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accept-invitation-page.html',
})
export class AcceptInvitationPage implements OnInit {
  private readonly auth = inject(AuthService);
  private readonly invitations = inject(InvitationsApi);
  private readonly router = inject(Router);

  readonly token = input<string>();
  /** The LSP's slug; absent for a programme-lead invitation. */
  readonly lsp = input<string>();

  protected readonly invitation = signal<InvitationState>({ state: 'checking' });
  protected readonly roleLabel = computed(() => {
    const invitation = this.invitation();
    if (invitation.state !== 'valid') {
      return '';
    }
    const { role } = invitation.preview;
    return isTenantRole(role) ? TENANT_ROLE_LABELS[role] : role === 'programme_lead' ? 'Programme lead' : role;
  });

  protected readonly accountForm = form(
    signal<AccountModel>({ displayName: '', password: '', confirmPassword: '' }),
    (path) => {
      required(path.displayName, { message: 'Enter your full name' });
      validateNewPassword(path.password, path.confirmPassword);
    },
  );

  protected readonly submission = new FormSubmission(this.accountForm, (value) => this.accept(value));

  ngOnInit(): void {
    // check() turns every failure into a page state, so nothing is left to catch here.
    void this.check();
  }

  private async check(): Promise<void> {
    const token = this.token();
    if (!token) {
      this.invitation.set({ state: 'not-valid' });
      return;
    }
    // Reading the session first also makes sure the XSRF cookie is there for the POST.
    await this.auth.load();
    try {
      const preview = await this.invitations.preview({ token, lsp: this.lsp() || undefined });
      this.invitation.set({ state: 'valid', preview });
    } catch (failure: unknown) {
      const problem = apiProblemFrom(failure);
      if (problem.status === 404) {
        this.invitation.set({ state: 'not-valid' });
      } else if (problem.status === 410) {
        this.invitation.set({ state: 'expired' });
      } else {
        this.invitation.set({ state: 'failed', message: problem.message });
      }
    }
  }

  private async accept({ displayName, password }: AccountModel): Promise<void> {
    const outcome = await this.auth.acceptInvitation({
      token: this.token() ?? '',
      lsp: this.lsp() || undefined,
      displayName: displayName.trim(),
      password,
    });
    if (outcome.mfaEnrolmentRequired) {
      await this.router.navigateByUrl('/account/mfa');
    } else if (outcome.mfaRequired) {
      await this.router.navigateByUrl('/sign-in/mfa');
    } else {
      await this.router.navigateByUrl('/');
    }
  }
}
