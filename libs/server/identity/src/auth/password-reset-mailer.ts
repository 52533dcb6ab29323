import { AuditService, PasswordResetEntity, UserEntity, ScopedDatabase } from '@dspt/server/data';
import { AppConfigService } from '@dspt/server/platform';
import { MailService } from '@dspt/server/messaging';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { passwordResetEmail } from './password-reset-email';

export const PASSWORD_RESET_MINUTES = 60;

export const hashResetToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Worker side of a password-reset request: when the address has an account, withdraw its older links,
 * store a new one (only the token's hash), audit and email it. Unknown addresses: nothing at all.
 */
@Injectable()
export class PasswordResetMailer {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
    private readonly audit: AuditService,
  ) {}

  async send(emailInput: string): Promise<'sent' | 'no_account'> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.database.outsideTenants((manager) => manager.findOneBy(UserEntity, { email }));
    if (!user) {
      return 'no_account';
    }
    const token = randomBytes(32).toString('base64url');
    await this.database.outsideTenants(async (manager) => {
      // Only the newest link works.
      await manager.update(PasswordResetEntity, { userId: user.id, usedAt: IsNull() }, { usedAt: () => 'now()' });
      await manager.insert(PasswordResetEntity, {
        userId: user.id,
        tokenHash: hashResetToken(token),
        expiresAt: new Date(Date.now() + PASSWORD_RESET_MINUTES * 60_000),
      });
    });
    await this.audit.record({
      action: 'auth.password_reset_requested',
      tenantId: null,
      actorUserId: user.id,
      target: { type: 'user', id: user.id },
    });
    const link = new URL('/password-reset', this.config.get('PUBLIC_URL'));
    link.searchParams.set('token', token);
    await this.mail.send(passwordResetEmail(user.email, link.toString(), PASSWORD_RESET_MINUTES));
    return 'sent';
  }
}
