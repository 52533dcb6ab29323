import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import { AuthService } from '@dspt/web/auth';
import { MfaCodeField, RecoveryCodes, normaliseCode, validateTotpCode } from '@dspt/web/auth/pages';
import { ErrorSummary, FocusOnRender, FormDirective, FormSubmission, NotificationBanner } from '@dspt/web/ui';

/**
 * `/account` (signed in): who the user is, whether two-factor authentication is on, and (when it is)
 * new recovery codes, confirmed with a current code from the authenticator app and shown once.
 */
@Component({
  selector: 'dspt-account-page',
  imports: [ErrorSummary, FocusOnRender, FormDirective, MfaCodeField, NotificationBanner, RecoveryCodes, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <dspt-error-summary [source]="submission" />
        <h1>Your account</h1>
        @if (user(); as me) {
          <dl class="nhsuk-summary-list" data-testid="account-summary">
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Name</dt>
              <dd class="nhsuk-summary-list__value">{{ me.displayName }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Email address</dt>
              <dd class="nhsuk-summary-list__value">{{ me.email }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Two-factor authentication</dt>
              <dd class="nhsuk-summary-list__value" data-testid="account-mfa">
                @if (me.mfaEnrolled) {
                  On
                } @else {
                  Off: <a routerLink="/account/mfa">set up two-factor authentication</a>
                }
              </dd>
            </div>
          </dl>

          @if (me.mfaEnrolled) {
            @if (newCodes(); as codes) {
              <dspt-notification-banner variant="success">
                <p class="nhsuk-notification-banner__heading" data-testid="confirmation">
                  You have new recovery codes. Your old codes no longer work.
                </p>
              </dspt-notification-banner>
              <h2 dsptFocusOnRender>Save your new recovery codes</h2>
              <dspt-recovery-codes [codes]="codes" [account]="me.email" />
              <button class="nhsuk-button" type="button" (click)="newCodes.set(null)">
                I have saved my new recovery codes
              </button>
            } @else {
              <h2>Recovery codes</h2>
              <p>
                If you cannot use your authenticator app, you can sign in with one of the recovery codes you saved when
                you set up two-factor authentication. Each code works once.
              </p>
              <p>
                Get new codes if you have used most of them, lost them, or think someone else has seen them. Your old
                codes will stop working.
              </p>
              <form [dsptForm]="submission" data-testid="recovery-codes-form">
                <dspt-mfa-code-field
                  label="Enter the 6-digit code from your authenticator app"
                  hint="This shows that it is you asking for new codes."
                  [field]="codeForm.code"
                />
                <button class="nhsuk-button" type="submit">Get new recovery codes</button>
              </form>
            }
          }
        }
      </div>
    </div>
  `,
})
export class AccountPage {
  private readonly auth = inject(AuthService);

  protected readonly user = computed(() => this.auth.currentUser()?.user);
  /** The codes just made: shown until the user says they have saved them, then gone for good. */
  protected readonly newCodes = signal<readonly string[] | null>(null);

  private readonly model = signal({ code: '' });
  protected readonly codeForm = form(this.model, (path) => validateTotpCode(path.code));
  // A wrong code (401) is a problem with the code: it shows on the field.
  protected readonly submission = new FormSubmission(this.codeForm, ({ code }) => this.regenerate(code), {
    problemField: this.codeForm.code,
  });

  private async regenerate(code: string): Promise<void> {
    const { recoveryCodes } = await this.auth.regenerateRecoveryCodes(normaliseCode(code));
    this.submission.reset({ code: '' });
    this.newCodes.set(recoveryCodes);
  }
}
