import type { CurrentUser, LoginResponse, MfaEnrolmentResult, MfaEnrolmentStart } from '@dspt/contracts';
import { AuditService } from '@dspt/server/audit';
import { AppConfigService } from '@dspt/server/config';
import { hashPassword, SecretCipher, verifyPassword } from '@dspt/server/crypto';
import { UserEntity } from '@dspt/server/database';
import { ScopedDatabase } from '@dspt/server/tenancy';
import { ConflictException, Injectable, type OnModuleInit, UnauthorizedException } from '@nestjs/common';
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
    await this.throttle.admitOrRetryLater(email, ip);
    const user = await this.users.findByEmail(email);
    const passwordMatches = await verifyPassword(user?.passwordHash ?? this.decoyHash, password);
    if (!user || !user.passwordHash || !passwordMatches) {
      await this.failSignIn(email, user?.id ?? null, 'password');
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }
    await this.throttle.recordSuccess(email);
    return this.startSession(user);
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

  async verifyMfa(session: Session, code: string): Promise<SignInOutcome> {
    if (session.data.stage !== 'mfa') {
      throw new UnauthorizedException('Sign in with your email address and password first');
    }
    const user = await this.requireUser(session.data.userId);
    const method = await this.checkSecondFactor(user, code.trim());
    if (!method) {
      await this.failSecondFactor(session, user);
      throw new UnauthorizedException('The authentication code is not correct');
    }
    await this.throttle.recordSuccess(user.email);
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
      throw new ConflictException('Start MFA set-up first: no secret is waiting to be confirmed');
    }
    const secret = this.cipher.decrypt(session.data.pendingTotpSecret);
    const timeStep = await verifyTotp(secret, code.trim(), null);
    if (timeStep === null) {
      await this.failSecondFactor(session, user);
      throw new UnauthorizedException('The authentication code is not correct: check the time on your device and try again');
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
      throw new ConflictException('MFA is already set up for this account');
    }
    const wasSigningIn = session.data.stage === 'enrol';
    const active = await this.sessions.rotate(session, { stage: 'active', pendingTotpSecret: undefined });
    await this.audit.record({ action: 'auth.mfa_enrolled', tenantId: null, actorUserId: user.id, target: { type: 'user', id: user.id } });
    if (wasSigningIn) {
      await this.audit.record({ action: 'auth.sign_in', tenantId: null, actorUserId: user.id, after: { mfa: 'enrolled' } });
    }
    return { session: active, result: { recoveryCodes, me: await this.me(user.id) } };
  }

  /** New recovery codes (the old ones stop working), confirmed with a code from the authenticator app. */
  async regenerateRecoveryCodes(userId: string, code: string): Promise<string[]> {
    const user = await this.requireUser(userId);
    if (!user.mfaEnrolledAt || looksLikeRecoveryCode(code) || (await this.checkSecondFactor(user, code.trim())) !== 'totp') {
      throw new UnauthorizedException('Enter the current code from your authenticator app');
    }
    const recoveryCodes = newRecoveryCodes();
    await this.database.outsideTenants((manager) =>
      manager.update(UserEntity, { id: user.id }, { mfaRecoveryCodeHashes: recoveryCodes.map(hashRecoveryCode) }),
    );
    await this.audit.record({ action: 'auth.recovery_codes_regenerated', tenantId: null, actorUserId: user.id, target: { type: 'user', id: user.id } });
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
      throw new UnauthorizedException('Sign in to continue');
    }
    return me;
  }


  private async failSignIn(email: string, userId: string | null, factor: 'password' | 'code'): Promise<void> {
    const locked = await this.throttle.recordFailure(email);
    const target = { type: 'email', id: email };
    await this.audit.record({ action: 'auth.sign_in_failed', tenantId: null, actorUserId: userId, target, after: { factor } });
    if (locked) {
      await this.audit.record({ action: 'auth.lockout', tenantId: null, actorUserId: userId, target });
    }
  }

  private async failSecondFactor(session: Session, user: UserEntity): Promise<void> {
    await this.audit.record({ action: 'auth.mfa_failed', tenantId: null, actorUserId: user.id, target: { type: 'user', id: user.id } });
    await this.failSignIn(user.email, user.id, 'code');
    session.data.mfaFailures += 1;
    if (session.data.mfaFailures >= MAX_MFA_FAILURES_PER_SESSION) {
      await this.sessions.destroy(session.token, session.data.userId);
      throw new UnauthorizedException('Too many wrong codes: sign in again');
    }
    await this.sessions.save(session);
  }

  /** A TOTP code (never the same time step twice) or an unused recovery code, which is then spent. */
  private async checkSecondFactor(user: UserEntity, code: string): Promise<'totp' | 'recovery_code' | null> {
    if (!user.mfaSecretEncrypted) {
      return null;
    }
    if (looksLikeRecoveryCode(code)) {
      const spent = await this.database.outsideTenants((manager) =>
        manager.query(
          `UPDATE users SET mfa_recovery_code_hashes = array_remove(mfa_recovery_code_hashes, $2)
           WHERE id = $1 AND $2 = ANY (mfa_recovery_code_hashes) RETURNING id`,
          [user.id, hashRecoveryCode(code)],
        ),
      );
      if (spent[0].length === 0) {
        return null;
      }
      await this.audit.record({ action: 'auth.recovery_code_used', tenantId: null, actorUserId: user.id, target: { type: 'user', id: user.id } });
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
      throw new UnauthorizedException('Enter your authentication code first');
    }
    if (user.mfaEnrolledAt) {
      throw new ConflictException('MFA is already set up for this account');
    }
    return user;
  }

  private async requireUser(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) {
      throw new UnauthorizedException('Sign in to continue');
    }
    return user;
  }
}
