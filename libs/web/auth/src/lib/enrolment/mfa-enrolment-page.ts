import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { form } from '@angular/forms/signals';
import { Router, RouterLink } from '@angular/router';
import type { MfaEnrolmentStart } from '@dspt/contracts';
import { apiProblemFrom } from '@dspt/web/core';
import { ErrorSummary, FocusOnRender, FormDirective, FormSubmission } from '@dspt/web/ui';
import { normaliseCode, validateTotpCode } from '../mfa/mfa-code';
import { MfaCodeField } from '../mfa/mfa-code-field';
import { RecoveryCodes } from '../recovery-codes/recovery-codes';
import { AuthService } from '../session/auth.service';
import { safeReturnUrl } from '../session/return-url';

type EnrolmentStep =
  | { step: 'starting' }
  | { step: 'already-enrolled' }
  | { step: 'cannot-start'; message: string; signInAgain: boolean }
  | { step: 'scan'; enrolment: MfaEnrolmentStart }
  | { step: 'recovery-codes'; recoveryCodes: string[] };

/**
 * `/account/mfa`: sets up two-factor authentication, for a user half way through signing in (MFA is
 * required and not set up yet) or a signed-in user who has not set it up. Scan a QR code (or type the
 * key), prove it works with a code, then save the recovery codes, which are shown only once.
 */
@Component({
  selector: 'dspt-mfa-enrolment-page',
  imports: [ErrorSummary, FocusOnRender, FormDirective, MfaCodeField, RecoveryCodes, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './mfa-enrolment-page.html',
})
export class MfaEnrolmentPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** `?returnUrl=`: where to go once set up. */
  readonly returnUrl = input<string>();

  protected readonly state = signal<EnrolmentStep>({ step: 'starting' });
  protected readonly email = computed(() => this.auth.currentUser()?.user.email);
  /** The key in groups of four, easier to type into an app by hand. */
  protected readonly groupedSecret = computed(() => {
    const state = this.state();
    return state.step === 'scan' ? (state.enrolment.secret.match(/.{1,4}/g) ?? []).join(' ') : '';
  });

  protected readonly codeForm = form(signal({ code: '' }), (path) => validateTotpCode(path.code));
  protected readonly submission = new FormSubmission(this.codeForm, ({ code }) => this.confirm(code), {
    problemField: this.codeForm.code,
  });

  constructor() {
    // start() turns every failure into a page state, so nothing is left to catch here.
    void this.start();
  }

  protected async continue(): Promise<void> {
    await this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? '/');
  }

  private async start(): Promise<void> {
    // Reading the session first also makes sure the XSRF cookie is there for the POST.
    const user = await this.auth.load();
    if (user?.user.mfaEnrolled) {
      this.state.set({ step: 'already-enrolled' });
      return;
    }
    try {
      this.state.set({ step: 'scan', enrolment: await this.auth.startMfaEnrolment() });
    } catch (failure: unknown) {
      const problem = apiProblemFrom(failure);
      this.state.set({
        step: 'cannot-start',
        message:
          problem.status === 401
            ? 'You need to sign in before you can set up two-factor authentication.'
            : problem.message,
        signInAgain: problem.status === 401,
      });
    }
  }

  private async confirm(code: string): Promise<void> {
    const { recoveryCodes } = await this.auth.confirmMfaEnrolment(normaliseCode(code));
    this.state.set({ step: 'recovery-codes', recoveryCodes });
  }
}
