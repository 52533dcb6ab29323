import { AuditService } from '@dspt/server/audit';
import { AppConfigService } from '@dspt/server/config';
import { hashPassword } from '@dspt/server/crypto';
import { PasswordResetEntity, UserEntity } from '@dspt/server/database';
import { MailService } from '@dspt/server/mail';
import { ScopedDatabase } from '@dspt/server/tenancy';
import { GoneException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { LoginThrottle } from './login-throttle';
import { PasswordPolicy } from './password-policy.service';
import { passwordResetEmail } from './password-reset-email';
import { SessionStore } from './session.store';

export const PASSWORD_RESET_MINUTES = 60;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Forgotten passwords: a single-use link by email. The request answers the same whether or not the
 * address has an account (the email is sent after the answer), and counts against the sign-in limits so
 * it cannot be used to flood someone's inbox. A new password ends every session; MFA still applies.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger(PasswordResetService.name);

  constructor(
    private readonly database: ScopedDatabase,
    private readonly throttle: LoginThrottle,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
    private readonly passwords: PasswordPolicy,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
  ) {}

  async request(emailInput: string, ip: string | null): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.admitOrRetryLater(email, ip);
    const user = await this.database.outsideTenants((manager) => manager.findOneBy(UserEntity, { email }));
    if (!user) {
      return;
    }
    const token = randomBytes(32).toString('base64url');
    await this.database.outsideTenants(async (manager) => {
      // Only the newest link works.
      await manager.update(PasswordResetEntity, { userId: user.id, usedAt: IsNull() }, { usedAt: () => 'now()' });
      await manager.insert(PasswordResetEntity, {
        userId: user.id,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + PASSWORD_RESET_MINUTES * 60_000),
      });
    });
    await this.audit.record({ action: 'auth.password_reset_requested', tenantId: null, actorUserId: user.id, target: { type: 'user', id: user.id } });
    const link = new URL('/password-reset', this.config.get('PUBLIC_URL'));
    link.searchParams.set('token', token);
    // Not awaited: waiting for SMTP would make known addresses answer more slowly than unknown ones.
    this.mail.send(passwordResetEmail(user.email, link.toString(), PASSWORD_RESET_MINUTES)).catch((error: Error) => {
      this.logger.error({ err: error, userId: user.id }, 'Password-reset email could not be sent');
    });
  }

  async confirm(token: string, password: string): Promise<void> {
    const userId = await this.database.outsideTenants(async (manager) => {
      const reset = await manager.findOne(PasswordResetEntity, { where: { tokenHash: hashToken(token) }, lock: { mode: 'pessimistic_write' } });
      if (!reset) {
        throw new NotFoundException('This password-reset link is not valid');
      }
      if (reset.usedAt || reset.expiresAt.getTime() <= Date.now()) {
        throw new GoneException('This password-reset link has expired or been used: ask for a new one');
      }
      const user = await manager.findOneByOrFail(UserEntity, { id: reset.userId });
      this.passwords.assertAcceptable(password, user.email);
      await manager.update(UserEntity, { id: user.id }, { passwordHash: await hashPassword(password) });
      await manager.update(PasswordResetEntity, { id: reset.id }, { usedAt: () => 'now()' });
      return user.id;
    });
    await this.sessions.destroyAllForUser(userId);
    await this.audit.record({ action: 'auth.password_reset', tenantId: null, actorUserId: userId, target: { type: 'user', id: userId } });
  }
}
