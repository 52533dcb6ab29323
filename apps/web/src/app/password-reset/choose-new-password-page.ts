import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { AuthService, signInNotice } from '@dspt/web/auth';
import { NewPasswordFields, validateNewPassword } from '@dspt/web/auth/pages';
import { type ApiProblem, apiProblemFrom, portalTitle } from '@dspt/web/core';
import { ErrorSummary, FocusOnRender, FormDirective, FormSubmission } from '@dspt/web/ui';
import { PasswordResetApi } from './password-reset.api';

interface NewPasswordModel {
  password: string;
  confirmPassword: string;
}

/** What to say about a link the API will not take, or null when the problem is not the link. */
function linkProblemIn(problem: ApiProblem): string | null {
  if (problem.status === 404 || problem.status === 410) {
    return problem.message;
  }
  // A token cut short (a link broken across lines) fails the API's format check.
  if (problem.status === 400 && problem.details.some((detail) => detail.field === 'token')) {
    return 'This password-reset link is not valid';
  }
  return null;
}

/**
 * `/password-reset?token=...`: the link in a password-reset email. The new password twice; then the
 * sign-in page says it has changed. A link that is not valid, has expired or was used already (known
 * only once the API is asked) says so, with a way to ask for a new one.
 */
@Component({
  selector: 'dspt-choose-new-password-page',
  imports: [ErrorSummary, FocusOnRender, FormDirective, NewPasswordFields, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        @if (linkProblem(); as problem) {
          <h1 dsptFocusOnRender data-testid="link-problem">{{ problem }}</h1>
          <p>Each link to choose a new password works once, for an hour.</p>
          <p><a routerLink="/password-reset">Ask for a new link</a></p>
        } @else {
          <dspt-error-summary [source]="submission" />
          <h1>Choose a new password</h1>
          <p>Once it has changed, you will need to sign in again on every device, with your new password.</p>
          <form [dsptForm]="submission">
            <dspt-new-password-fields
              label="New password"
              confirmLabel="Confirm your new password"
              [password]="passwordForm.password"
              [confirmPassword]="passwordForm.confirmPassword"
            />
            <button class="nhsuk-button" type="submit">Change password</button>
          </form>
        }
      </div>
    </div>
  `,
})
export class ChooseNewPasswordPage {
  private readonly api = inject(PasswordResetApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly title = inject(Title);

  /** `?token=`: from the emailed link (the route matches only when there is one). */
  readonly token = input<string>();

  protected readonly linkProblem = signal<string | null>(null);

  protected readonly passwordForm = form(signal<NewPasswordModel>({ password: '', confirmPassword: '' }), (path) => {
    validateNewPassword(path.password, path.confirmPassword);
  });

  protected readonly submission = new FormSubmission(this.passwordForm, ({ password }) => this.change(password));

  private async change(password: string): Promise<void> {
    let message: string;
    try {
      ({ message } = await this.api.confirm({ token: this.token() ?? '', password }));
    } catch (failure: unknown) {
      const linkProblem = linkProblemIn(apiProblemFrom(failure));
      if (!linkProblem) {
        throw failure;
      }
      this.linkProblem.set(linkProblem);
      this.title.setTitle(portalTitle(linkProblem));
      return;
    }
    // The API has ended every session of the account: this one too, if it was the user's own.
    await this.auth.refresh();
    await this.router.navigateByUrl('/sign-in', { state: signInNotice(message) });
  }
}
