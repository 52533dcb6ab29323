import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { applyWhen, form } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import { ErrorSummary, FormDirective, FormSubmission } from '@dspt/web/ui';
import { AuthService } from '../session/auth.service';
import { returnUrlParams, safeReturnUrl } from '../session/return-url';
import { normaliseCode, validateRecoveryCode, validateTotpCode } from './mfa-code';
import { MfaCodeField } from './mfa-code-field';

/**
 * `/sign-in/mfa`: the second step of signing in. The user types the code from their authenticator app,
 * or (`?method=recovery`) one of their recovery codes.
 */
@Component({
  selector: 'dspt-mfa-page',
  imports: [ErrorSummary, FormDirective, MfaCodeField, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <a class="nhsuk-back-link" routerLink="/sign-in" [queryParams]="signInParams()">Back to sign in</a>
        <dspt-error-summary [source]="submission" />
        <form [dsptForm]="submission">
          @if (useRecoveryCode()) {
            <dspt-mfa-code-field
              kind="recovery"
              label="Enter a recovery code"
              hint="Each of the recovery codes you saved when you set up two-factor authentication works once."
              [isPageHeading]="true"
              [field]="codeForm.code"
            />
          } @else {
            <dspt-mfa-code-field
              label="Enter the code from your authenticator app"
              hint="Open the authenticator app on your phone. It shows a new 6-digit code every 30 seconds."
              [isPageHeading]="true"
              [field]="codeForm.code"
            />
          }
          <button class="nhsuk-button" type="submit">Continue</button>
        </form>
        @if (useRecoveryCode()) {
          <p>
            <a routerLink="." [queryParams]="{ method: null }" queryParamsHandling="merge"
              >Use a code from your authenticator app instead</a
            >
          </p>
        } @else {
          <p>
            <a routerLink="." [queryParams]="{ method: 'recovery' }" queryParamsHandling="merge"
              >Use a recovery code instead</a
            >
          </p>
          <p>
            If you cannot use your authenticator app or a recovery code, ask an admin of your Local Support Partner for
            help.
          </p>
        }
      </div>
    </div>
  `,
})
export class MfaPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** `?returnUrl=`: where to go once signed in. */
  readonly returnUrl = input<string>();
  /** `?method=recovery`: sign in with a recovery code. */
  readonly method = input<string>();

  protected readonly useRecoveryCode = computed(() => this.method() === 'recovery');
  private readonly safeReturn = computed(() => safeReturnUrl(this.returnUrl()));
  protected readonly signInParams = computed(() => returnUrlParams(this.safeReturn()));

  protected readonly codeForm = form(signal({ code: '' }), (path) => {
    applyWhen(path.code, () => this.useRecoveryCode(), validateRecoveryCode);
    applyWhen(path.code, () => !this.useRecoveryCode(), validateTotpCode);
  });

  protected readonly submission = new FormSubmission(this.codeForm, ({ code }) => this.verify(code), {
    problemField: this.codeForm.code,
  });

  private async verify(code: string): Promise<void> {
    const outcome = await this.auth.verifyMfa(normaliseCode(code));
    const returnUrl = this.safeReturn();
    if (outcome.mfaEnrolmentRequired) {
      await this.router.navigate(['/account/mfa'], { queryParams: returnUrlParams(returnUrl) });
    } else {
      await this.router.navigateByUrl(returnUrl ?? '/');
    }
  }
}
