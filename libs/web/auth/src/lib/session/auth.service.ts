import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  AcceptInvitationRequest,
  CurrentUser,
  LoginRequest,
  LoginResponse,
  MfaEnrolmentResult,
  MfaEnrolmentStart,
  RecoveryCodes,
} from '@dspt/contracts';
import { firstValueFrom, timeout } from 'rxjs';

const SESSION_CHECK_TIMEOUT_MS = 10_000;

/**
 * Who is signed in. The user is read once from `GET /api/auth/me` (at start-up), then kept up to date
 * from the answers of sign-in, MFA, enrolment, invitation and sign-out calls. That first request also
 * gets the XSRF cookie the API sets, which every later POST needs.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly user = signal<CurrentUser | null>(null);
  private loaded?: Promise<CurrentUser | null>;

  /** The signed-in user, or null (signed out, or half way through signing in). */
  readonly currentUser = this.user.asReadonly();
  readonly isSignedIn = computed(() => this.user() !== null);

  /** Reads the session once; later calls share that answer. */
  load(): Promise<CurrentUser | null> {
    this.loaded ??= this.fetchCurrentUser();
    return this.loaded;
  }

  /** Reads the session again, for when it may have changed on the server. */
  refresh(): Promise<CurrentUser | null> {
    this.loaded = this.fetchCurrentUser();
    return this.loaded;
  }

  async signIn(request: LoginRequest): Promise<LoginResponse> {
    return this.afterLogin(await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', request)));
  }

  /** Second step of signing in: a 6-digit code from the authenticator app, or a recovery code. */
  async verifyMfa(code: string): Promise<LoginResponse> {
    return this.afterLogin(await firstValueFrom(this.http.post<LoginResponse>('/api/auth/mfa', { code })));
  }

  startMfaEnrolment(): Promise<MfaEnrolmentStart> {
    return firstValueFrom(this.http.post<MfaEnrolmentStart>('/api/auth/mfa/enrolment', null));
  }

  /** Turns MFA on; the answer's recovery codes are shown once, and the user is then signed in. */
  async confirmMfaEnrolment(code: string): Promise<MfaEnrolmentResult> {
    const result = await firstValueFrom(
      this.http.post<MfaEnrolmentResult>('/api/auth/mfa/enrolment/confirm', { code }),
    );
    this.signedInAs(result.me);
    return result;
  }

  /**
   * New recovery codes for the signed-in user, shown once; the old ones stop working. Needs a current
   * code from the authenticator app: 401 with a message for a wrong one.
   */
  regenerateRecoveryCodes(code: string): Promise<RecoveryCodes> {
    return firstValueFrom(this.http.post<RecoveryCodes>('/api/auth/mfa/recovery-codes', { code }));
  }

  async acceptInvitation(request: AcceptInvitationRequest): Promise<LoginResponse> {
    return this.afterLogin(await firstValueFrom(this.http.post<LoginResponse>('/api/invitations/accept', request)));
  }

  async signOut(): Promise<void> {
    try {
      await firstValueFrom(this.http.post<void>('/api/auth/logout', null));
    } catch (failure: unknown) {
      // Already signed out on the server (an expired session) is still signed out.
      if (!(failure instanceof HttpErrorResponse && failure.status === 401)) {
        throw failure;
      }
    } finally {
      this.sessionEnded();
    }
  }

  /** The API said the session is gone (a 401): forget the user without asking it again. */
  sessionEnded(): void {
    this.signedInAs(null);
  }

  private async afterLogin(response: LoginResponse): Promise<LoginResponse> {
    if (response.me) {
      this.signedInAs(response.me);
    } else if (response.mfaRequired || response.mfaEnrolmentRequired) {
      this.signedInAs(null);
    } else {
      await this.refresh();
    }
    return response;
  }

  private signedInAs(user: CurrentUser | null): void {
    this.user.set(user);
    this.loaded = Promise.resolve(user);
  }

  private async fetchCurrentUser(): Promise<CurrentUser | null> {
    try {
      const user = await firstValueFrom(
        this.http.get<CurrentUser>('/api/auth/me').pipe(timeout(SESSION_CHECK_TIMEOUT_MS)),
      );
      this.user.set(user);
      return user;
    } catch {
      // 401 means signed out. Any other failure (API down) also leaves us unable to act as the user:
      // pages that need one send the user to sign in, where the error will show.
      this.user.set(null);
      return null;
    }
  }
}
