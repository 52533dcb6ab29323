import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { portalTitle } from '@dspt/web/core';
import {
  ErrorSummary,
  FocusOnRender,
  FormDirective,
  FormSubmission,
  TextField,
  validateEmailAddress,
} from '@dspt/web/ui';
import { PasswordResetApi } from './password-reset.api';

/**
 * `/password-reset` (from "Forgot your password?"): asks for the account's email address, then says
 * what the API answered (the same for any address) in a confirmation panel that takes focus.
 */
@Component({
  selector: 'dspt-request-password-reset-page',
  imports: [ErrorSummary, FocusOnRender, FormDirective, RouterLink, TextField],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        @if (sent(); as message) {
          <div class="nhsuk-panel">
            <h1 class="nhsuk-panel__heading" dsptFocusOnRender>Check your email</h1>
            <div class="nhsuk-panel__body" data-testid="reset-link-sent">{{ message }}</div>
          </div>
          <p>If the email has not arrived in a few minutes, check your spam or junk folder.</p>
          <p>The link works once. Signing in still needs the code from your authenticator app.</p>
          <p><a routerLink="/sign-in">Back to sign in</a></p>
        } @else {
          <a class="nhsuk-back-link" routerLink="/sign-in">Back to sign in</a>
          <dspt-error-summary [source]="submission" />
          <h1>Reset your password</h1>
          <p>Enter the email address you sign in with. We will send it a link to choose a new password.</p>
          <form [dsptForm]="submission">
            <dspt-text-field
              label="Email address"
              controlId="email"
              type="email"
              autocomplete="username"
              [spellcheck]="false"
              [field]="resetForm.email"
            />
            <button class="nhsuk-button" type="submit">Send link</button>
          </form>
        }
      </div>
    </div>
  `,
})
export class RequestPasswordResetPage {
  private readonly api = inject(PasswordResetApi);
  private readonly title = inject(Title);

  /** The API's answer, once the link is on its way. */
  protected readonly sent = signal<string | null>(null);

  protected readonly resetForm = form(signal({ email: '' }), (path) => {
    validateEmailAddress(path.email, 'Enter your email address');
  });

  protected readonly submission = new FormSubmission(this.resetForm, ({ email }) => this.request(email), {
    problemTarget: this.resetForm.email,
  });

  private async request(email: string): Promise<void> {
    const { message } = await this.api.request({ email: email.trim() });
    this.sent.set(message);
    this.title.setTitle(portalTitle('Check your email'));
  }
}
