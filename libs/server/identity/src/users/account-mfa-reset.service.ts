import { Conflict, NotFound } from '@dspt/domain';
import { AuditService, UserEntity, requireSignedInUser, ScopedDatabase } from '@dspt/server/data';
import { SessionStore } from '../auth';
import { Injectable } from '@nestjs/common';

/**
 * A system admin's MFA reset, for the accounts an LSP admin may not reset: people who belong to several
 * LSPs, and programme-wide roles. Same effect as the LSP admin's: second factor and recovery codes gone,
 * every session ended, set up again after the password; audited outside any LSP.
 */
@Injectable()
export class AccountMfaResetService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly sessions: SessionStore,
  ) {}

  async reset(emailInput: string): Promise<void> {
    const email = emailInput.trim().toLowerCase();
    const userId = await this.database.outsideTenants(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { email }, lock: { mode: 'pessimistic_write' } });
      if (!user) {
        throw new NotFound('No account has this email address');
      }
      if (user.id === requireSignedInUser().id) {
        throw new Conflict('You cannot reset your own MFA: ask another system admin');
      }
      if (!user.mfaEnrolledAt) {
        throw new Conflict('This account has not set up MFA, so there is nothing to reset');
      }
      await manager.update(
        UserEntity,
        { id: user.id },
        { mfaSecretEncrypted: null, mfaEnrolledAt: null, mfaLastTimeStep: null, mfaRecoveryCodeHashes: [] },
      );
      return user.id;
    });
    await this.audit.record({ action: 'auth.mfa_reset', tenantId: null, target: { type: 'user', id: userId } });
    await this.sessions.destroyAllForUser(userId);
  }
}
