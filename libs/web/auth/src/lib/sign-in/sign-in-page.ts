import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { form, required } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import {
  ErrorSummary,
  FormDirective,
  FormSubmission,
  NotificationBanner,
  TextField,
  validateEmailAddress,
} from '@dspt/web/ui';
import { AuthService } from '../session/auth.service';
import { returnUrlParams, safeReturnUrl } from '../session/return-url';
import { signInNoticeOf } from './sign-in-notice';

interface SignInModel {
  email: string;
  password: string;
}

/**
 * `/sign-in`: email and password; then the MFA code, MFA set-up, or straight in. A page that sends the
 * user here can have it confirm what they did (`signInNotice`) until they try to sign in.
 */
@Component({
  selector: 'dspt-sign-in-page',
  imports: [ErrorSummary, FormDirective, NotificationBanner, RouterLink, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <dspt-error-summary [source]="submission" />
        @if (notice(); as message) {
          <dspt-notification-banner variant="success">
            <p class="nhsuk-notification-banner__heading" data-testid="sign-in-notice">{{ message }}</p>
          </dspt-notification-banner>
        }
        <h1>Sign in</h1>
        <p>Sign in to the DSPT Support Portal with the email address you were invited with.</p>
        <form [dsptForm]="submission">
          <dspt-text-field
            label="Email address"
            controlId="email"
            type="email"
            autocomplete="username"
            [spellcheck]="false"
            [field]="signInForm.email"
          />
          <dspt-text-field
            label="Password"
            controlId="password"
            type="password"
            autocomplete="current-password"
            [field]="signInForm.password"
          />
          <button class="nhsuk-button" type="submit">Sign in</button>
        </form>
        <p><a routerLink="/password-reset">Forgot your password?</a></p>
      </div>
    </div>
  `,
})
export class SignInPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** `?returnUrl=`: the page that sent the user here. */
  readonly returnUrl = input<string>();

  private readonly safeReturn = computed(() => safeReturnUrl(this.returnUrl()));
  private readonly noticeOnArrival = signInNoticeOf(this.router.currentNavigation());
  private readonly model = signal<SignInModel>({ email: '', password: '' });

  protected readonly signInForm = form(this.model, (path) => {
    validateEmailAddress(path.email, 'Enter your email address');
    required(path.password, { message: 'Enter your password' });
  });

  protected readonly submission = new FormSubmission(this.signInForm, (value) => this.signIn(value), {
    problemTarget: this.signInForm.email,
  });
  protected readonly notice = computed(() => (this.submission.attempted() ? null : this.noticeOnArrival));

  private async signIn({ email, password }: SignInModel): Promise<void> {
    const outcome = await this.auth.signIn({ email: email.trim(), password });
    const returnUrl = this.safeReturn();
    if (outcome.mfaRequired) {
      await this.router.navigate(['/sign-in/mfa'], { queryParams: returnUrlParams(returnUrl) });
    } else if (outcome.mfaEnrolmentRequired) {
      await this.router.navigate(['/account/mfa'], { queryParams: returnUrlParams(returnUrl) });
    } else {
      await this.router.navigateByUrl(returnUrl ?? '/');
    }
  }
}
