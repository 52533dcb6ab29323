import { Conflict, NotSignedIn } from '@dspt/domain';
import type { CurrentUser, LoginResponse, MfaEnrolmentResult, MfaEnrolmentStart } from '@dspt/contracts';
import { AuditService, UserEntity, ScopedDatabase } from '@dspt/server/data';
import { AppConfigService, hashPassword, SecretCipher, verifyPassword } from '@dspt/server/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { LoginThrottle } from './login-throttle';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { type Session, SessionStore } from './session.store';
import { newTotpSecret, totpQrCodeDataUrl, totpUri, verifyTotp } from './totp';
import { UserDirectory } from './user-directory';

export const WRONG_CREDENTIALS = 'Email address or password is incorrect';
const MAX_MFA_FAILURES_PER_SESSION = 5;

export interface SignInOutcome {
  response: LoginResponse;
  session: Session;
}

/** Sign-in with password then TOTP, MFA enrolment, sign-out. Controllers only move cookies. */
@Injectable()
export class AuthService implements OnModuleInit {
  private readonly cipher: SecretCipher;
  /** Verified against when the email is unknown, so both answers take the same time. */
  private decoyHash = '';

  constructor(
    private readonly users: UserDirectory,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly database: ScopedDatabase,
    private readonly config: AppConfigService,
  ) {
    this.cipher = new SecretCipher(config.get('MFA_ENCRYPTION_KEY'));
  }

  async onModuleInit(): Promise<void> {
    this.decoyHash = await hashPassword('decoy password that no account has');
  }

  async login(emailInput: string, password: string, ip: string | null): Promise<SignInOutcome> {
    const email = emailInput.trim().toLowerCase();
    const { accountFailures } = await this.throttle.admitOrRetryLater('password', email, ip);
    const user = await this.users.findByEmail(email);
    const passwordMatches = await verifyPassword(user?.passwordHash ?? this.decoyHash, password);
    if (!user || !user.passwordHash || !passwordMatches) {
      await this.recordFailure(email, user?.id ?? null, 'password', accountFailures);
      throw new NotSignedIn(WRONG_CREDENTIALS);
    }
    await this.throttle.clear('password', email, ip);
    return this.startSession(user);
  }

  /**
   * An existing account's password checked outside sign-in (accepting an invitation): throttled and
   * audited exactly like sign-in. Throws 401 with `wrongMessage`, or 429 while the account must wait.
   */
  async checkPassword(user: UserEntity, password: string, ip: string | null, wrongMessage: string): Promise<void> {
    const { accountFailures } = await this.throttle.admitOrRetryLater('password', user.email, ip);
    if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
      await this.recordFailure(user.email, user.id, 'password', accountFailures);
      throw new NotSignedIn(wrongMessage);
    }
    await this.throttle.clear('password', user.email, ip);
  }

  /** After a password or an accepted invitation: the session's stage depends on the account's MFA. */
  async startSession(user: UserEntity): Promise<SignInOutcome> {
    if (user.mfaEnrolledAt) {
      return { session: await this.sessions.create(user.id, 'mfa'), response: { mfaRequired: true } };
    }
    if (this.config.get('MFA_REQUIRED')) {
      return {
        session: await this.sessions.create(user.id, 'enrol'),
        response: { mfaRequired: false, mfaEnrolmentRequired: true },
      };
    }
    const session = await this.sessions.create(user.id, 'active');
    await this.audit.record({ action: 'auth.sign_in', tenantId: null, actorUserId: user.id, after: { mfa: 'none' } });
    return { session, response: { mfaRequired: false, me: await this.me(user.id) } };
  }

  async verifyMfa(session: Session, code: string, ip: string | null): Promise<SignInOutcome> {
    if (session.data.stage !== 'mfa') {
      throw new NotSignedIn('Sign in with your email address and password first');
    }
    const user = await this.requireUser(session.data.userId);
    // Codes are throttled per account (and address), not only per session: signing in again with the
    // password does not buy more guesses.
    const { accountFailures } = await this.throttle.admitOrRetryLater('code', user.email, ip);
    const method = await this.checkSecondFactor(user, code.trim());
    if (!method) {
      await this.recordFailure(user.email, user.id, 'code', accountFailures);
      await this.failSecondFactor(session, user);
      throw new NotSignedIn('The authentication code is not correct');
    }
    await this.throttle.clear('code', user.email, ip);
    const active = await this.sessions.rotate(session, { stage: 'active' });
    await this.audit.record({ action: 'auth.sign_in', tenantId: null, actorUserId: user.id, after: { mfa: method } });
    return { session: active, response: { mfaRequired: false, me: await this.me(user.id) } };
  }

  async startEnrolment(session: Session): Promise<MfaEnrolmentStart> {
    const user = await this.enrollingUser(session);
    const secret = newTotpSecret();
    session.data.pendingTotpSecret = this.cipher.encrypt(secret);
    await this.sessions.save(session);
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrCodeDataUrl: await totpQrCodeDataUrl(otpauthUri) };
  }

  async confirmEnrolment(session: Session, code: string): Promise<{ result: MfaEnrolmentResult; session: Session }> {
    const user = await this.enrollingUser(session);
    if (!session.data.pendingTotpSecret) {
      throw new Conflict('Start setting up two-factor authentication first: no secret is waiting to be confirmed');
    }
    const secret = this.cipher.decrypt(session.data.pendingTotpSecret);
    const timeStep = await verifyTotp(secret, code.trim(), null);
    if (timeStep === null) {
      await this.failSecondFactor(session, user);
      throw new NotSignedIn('The authentication code is not correct: check the time on your device and try again');
    }
    const recoveryCodes = newRecoveryCodes();
    const enrolled = await this.database.outsideTenants(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({
          mfaSecretEncrypted: this.cipher.encrypt(secret),
          mfaEnrolledAt: () => 'now()',
          mfaLastTimeStep: String(timeStep),
          mfaRecoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
        })
        .where('id = :id AND mfa_enrolled_at IS NULL', { id: user.id })
        .execute();
      return result.affected === 1;
    });
    if (!enrolled) {
      throw new Conflict('Two-factor authentication is already set up for this account');
    }
    const wasSigningIn = session.data.stage === 'enrol';
    const active = await this.sessions.rotate(session, { stage: 'active', pendingTotpSecret: undefined });
    await this.audit.record({
      action: 'auth.mfa_enrolled',
      tenantId: null,
      actorUserId: user.id,
      target: { type: 'user', id: user.id },
    });
    if (wasSigningIn) {
      await this.audit.record({
        action: 'auth.sign_in',
        tenantId: null,
        actorUserId: user.id,
        after: { mfa: 'enrolled' },
      });
    }
    return { session: active, result: { recoveryCodes, me: await this.me(user.id) } };
  }

  /** New recovery codes (the old ones stop working), confirmed with a code from the authenticator app. */
  async regenerateRecoveryCodes(userId: string, code: string, ip: string | null): Promise<string[]> {
    const user = await this.requireUser(userId);
    const { accountFailures } = await this.throttle.admitOrRetryLater('code', user.email, ip);
    if (
      !user.mfaEnrolledAt ||
      looksLikeRecoveryCode(code) ||
      (await this.checkSecondFactor(user, code.trim())) !== 'totp'
    ) {
      await this.recordFailure(user.email, user.id, 'code', accountFailures);
      throw new NotSignedIn('Enter the current code from your authenticator app');
    }
    await this.throttle.clear('code', user.email, ip);
    const recoveryCodes = newRecoveryCodes();
    await this.database.outsideTenants((manager) =>
      manager.update(UserEntity, { id: user.id }, { mfaRecoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) }),
    );
    await this.audit.record({
      action: 'auth.recovery_codes_regenerated',
      tenantId: null,
      actorUserId: user.id,
      target: { type: 'user', id: user.id },
    });
    return recoveryCodes;
  }

  async logout(session: Session): Promise<void> {
    await this.sessions.destroy(session.token, session.data.userId);
    if (session.data.stage === 'active') {
      await this.audit.record({ action: 'auth.sign_out', tenantId: null, actorUserId: session.data.userId });
    }
  }

  async me(userId: string): Promise<CurrentUser> {
    const me = await this.users.currentUser(userId);
    if (!me) {
      throw new NotSignedIn('Sign in to continue');
    }
    return me;
  }

  private async recordFailure(
    email: string,
    userId: string | null,
    factor: 'password' | 'code',
    accountFailures: number,
  ): Promise<void> {
    const target = { type: 'email', id: email };
    await this.audit.record({
      action: 'auth.sign_in_failed',
      tenantId: null,
      actorUserId: userId,
      target,
      after: { factor },
    });
    if (accountFailures === this.throttle.failureCeiling) {
      await this.audit.record({
        action: 'auth.failure_ceiling',
        tenantId: null,
        actorUserId: userId,
        target,
        after: { factor },
      });
    }
  }

  /** A wrong code at sign-in or MFA set-up: five in one session end it. */
  private async failSecondFactor(session: Session, user: UserEntity): Promise<void> {
    await this.audit.record({
      action: 'auth.mfa_failed',
      tenantId: null,
      actorUserId: user.id,
      target: { type: 'user', id: user.id },
    });
    session.data.mfaFailures += 1;
    if (session.data.mfaFailures >= MAX_MFA_FAILURES_PER_SESSION) {
      await this.sessions.destroy(session.token, session.data.userId);
      throw new NotSignedIn('Too many wrong codes: sign in again');
    }
    await this.sessions.save(session);
  }

  /** A TOTP code (never the same time step twice) or an unused recovery code, which is then spent. */
  private async checkSecondFactor(user: UserEntity, code: string): Promise<'totp' | 'recovery_code' | null> {
    if (!user.mfaSecretEncrypted) {
      return null;
    }
    if (looksLikeRecoveryCode(code)) {
      if (!(await this.users.spendRecoveryCode(user.id, hashRecoveryCode(code)))) {
        return null;
      }
      await this.audit.record({
        action: 'auth.recovery_code_used',
        tenantId: null,
        actorUserId: user.id,
        target: { type: 'user', id: user.id },
      });
      return 'recovery_code';
    }
    const lastStep = user.mfaLastTimeStep === null ? null : Number(user.mfaLastTimeStep);
    const timeStep = await verifyTotp(this.cipher.decrypt(user.mfaSecretEncrypted), code, lastStep);
    if (timeStep === null) {
      return null;
    }
    // Conditional, so two requests racing with the same code cannot both pass.
    const claimed = await this.database.outsideTenants((manager) =>
      manager.query(
        `UPDATE users SET mfa_last_time_step = $2 WHERE id = $1 AND (mfa_last_time_step IS NULL OR mfa_last_time_step < $2) RETURNING id`,
        [user.id, timeStep],
      ),
    );
    return claimed[0].length === 1 ? 'totp' : null;
  }

  private async enrollingUser(session: Session): Promise<UserEntity> {
    const user = await this.requireUser(session.data.userId);
    if (session.data.stage === 'mfa') {
      throw new NotSignedIn('Enter your authentication code first');
    }
    if (user.mfaEnrolledAt) {
      throw new Conflict('Two-factor authentication is already set up for this account');
    }
    return user;
  }

  private async requireUser(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) {
      throw new NotSignedIn('Sign in to continue');
    }
    return user;
  }
}
