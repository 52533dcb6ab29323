import { Gone, NotFound } from '@dspt/domain';
import { AuditService, PasswordResetEntity, UserEntity, ScopedDatabase } from '@dspt/server/data';
import {
  hashPassword,
  ACCOUNT_JOBS,
  PASSWORD_RESET_JOB_OPTIONS,
  type PasswordResetEmailJobData,
  QUEUES,
} from '@dspt/server/platform';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { LoginThrottle } from './login-throttle';
import { PasswordPolicy } from './password-policy.service';
import { hashResetToken as hashToken } from './password-reset-mailer';
import { findPasswordReset } from './user-directory';
import { SessionStore } from './session.store';

/**
 * Forgotten passwords: a single-use link by email. The request is answered before anything about the
 * address is looked up: it only queues a job (the worker's PasswordResetMailer does the rest), so known and
 * unknown addresses get the same answer in the same time, and a queued job survives a restart. Requests
 * have limits of their own (per address and per source address) so nobody's inbox can be flooded; they
 * never slow anyone's sign-in. A new password ends every session; MFA still applies.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly throttle: LoginThrottle,
    @InjectQueue(QUEUES.accounts) private readonly accounts: Queue<PasswordResetEmailJobData>,
    private readonly passwords: PasswordPolicy,
    private readonly sessions: SessionStore,
    private readonly audit: AuditService,
  ) {}

  async request(emailInput: string, ip: string | null): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.admitResetRequest(email, ip);
    await this.accounts.add(ACCOUNT_JOBS.passwordResetEmail, { email }, PASSWORD_RESET_JOB_OPTIONS);
  }

  async confirm(token: string, password: string): Promise<void> {
    const userId = await this.database.outsideTenants(async (manager) => {
      const reset = await findPasswordReset(manager, hashToken(token));
      if (!reset) {
        throw new NotFound('This password-reset link is not valid');
      }
      if (reset.usedAt || reset.expiresAt.getTime() <= Date.now()) {
        throw new Gone('This password-reset link has expired or been used: ask for a new one');
      }
      const user = await manager.findOneByOrFail(UserEntity, { id: reset.userId });
      this.passwords.assertAcceptable(password, user.email);
      await manager.update(UserEntity, { id: user.id }, { passwordHash: await hashPassword(password) });
      await manager.update(PasswordResetEntity, { id: reset.id }, { usedAt: () => 'now()' });
      return user.id;
    });
    await this.sessions.destroyAllForUser(userId);
    await this.audit.record({
      action: 'auth.password_reset',
      tenantId: null,
      actorUserId: userId,
      target: { type: 'user', id: userId },
    });
  }
}
