import { Conflict, Gone, NotFound, Unavailable } from '@dspt/domain';
import type { Invitation, InvitationPreview, LoginResponse } from '@dspt/contracts';
import type { TenantRole } from '@dspt/domain';
import {
  AuditService,
  InvitationEntity,
  MembershipEntity,
  TenantEntity,
  UserEntity,
  currentRequestContext,
  ScopedDatabase,
} from '@dspt/server/data';
import { AuthService, PasswordPolicy, type Session, WRONG_CREDENTIALS } from '../auth';
import { hashPassword, AppConfigService } from '@dspt/server/platform';
import { MailService, EmailTemplatesService } from '@dspt/server/messaging';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager, IsNull, MoreThan } from 'typeorm';
import { invitationEmail } from './invitation-email';

export const INVITATION_TTL_DAYS = 7;

/** Who is invited to what: an LSP role in a tenant, or the programme-lead role (no tenant). */
export type InvitationTarget = { tenant: TenantEntity; role: TenantRole } | { tenant: null; role: 'programme_lead' };

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function toInvitationView(row: InvitationEntity): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Single-use invitation links: a random token is emailed, only its hash is stored. The invitation row,
 * the audit event and the email succeed or fail together: if the email cannot be sent nothing is kept.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly config: AppConfigService,
    private readonly auth: AuthService,
    private readonly passwords: PasswordPolicy,
    private readonly templates: EmailTemplatesService,
  ) {}

  async invite(target: InvitationTarget, emailInput: string, existing?: EntityManager): Promise<Invitation> {
    const email = emailInput.trim().toLowerCase();
    const work = async (manager: EntityManager) => {
      // One invitation at a time per address and LSP, so two clicks on "Invite" cannot leave two live links.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `invitation:${target.tenant?.id ?? 'programme'}:${email}`,
      ]);
      await this.refuseExistingAccess(manager, target, email);
      // A new invitation replaces any still-pending one for the same address.
      await manager.update(
        InvitationEntity,
        { tenantId: target.tenant?.id ?? IsNull(), email, acceptedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: () => 'now()' },
      );
      const token = randomBytes(32).toString('base64url');
      const row = await manager.save(
        manager.create(InvitationEntity, {
          tenantId: target.tenant?.id ?? null,
          email,
          role: target.tenant ? target.role : null,
          globalRole: target.tenant ? null : 'programme_lead',
          tokenHash: hashToken(token),
          invitedBy: currentRequestContext()?.user?.id ?? null,
          expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
        }),
      );
      await this.audit.record(
        {
          action: 'invitation.created',
          tenantId: row.tenantId,
          target: { type: 'invitation', id: row.id },
          after: { email, role: target.role },
        },
        manager,
      );
      await this.send(manager, row, token, target.tenant);
      return toInvitationView(row);
    };
    if (existing) {
      return work(existing);
    }
    return this.database.run({ tenantId: target.tenant?.id ?? null }, work);
  }

  list(): Promise<Invitation[]> {
    return this.database.inCurrentTenant(async (manager) => {
      const rows = await manager.find(InvitationEntity, { order: { createdAt: 'DESC' }, take: 200 });
      return rows.map(toInvitationView);
    });
  }

  /** Programme-lead invitations that can still be accepted. */
  listPendingProgrammeLeadInvitations(): Promise<InvitationEntity[]> {
    return this.database.outsideTenants((manager) =>
      manager.find(InvitationEntity, {
        where: { tenantId: IsNull(), acceptedAt: IsNull(), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        order: { email: 'ASC' },
      }),
    );
  }

  async revoke(invitationId: string): Promise<void> {
    await this.database.inCurrentTenant(async (manager) => {
      const row = await manager.findOneBy(InvitationEntity, { id: invitationId });
      if (!row) {
        throw new NotFound('Invitation not found');
      }
      if (row.acceptedAt || row.revokedAt) {
        throw new Conflict('This invitation has already been accepted or revoked');
      }
      await manager.update(InvitationEntity, { id: row.id }, { revokedAt: () => 'now()' });
      await this.audit.record(
        {
          action: 'invitation.revoked',
          tenantId: row.tenantId,
          target: { type: 'invitation', id: row.id },
          before: { email: row.email },
        },
        manager,
      );
    });
  }

  async preview(token: string, lsp: string | undefined): Promise<InvitationPreview> {
    return this.withInvitation(token, lsp, async (_manager, invitation, tenant) => ({
      email: invitation.email,
      tenantName: tenant?.name ?? null,
      role: invitation.role ?? invitation.globalRole ?? 'viewer',
      expiresAt: invitation.expiresAt.toISOString(),
    }));
  }

  /**
   * Joins the invitee: a new account gets the password and name given; an existing account proves itself
   * with its current password. Either way the person is then signed in (or asked for MFA).
   */
  async accept(
    input: { token: string; lsp?: string; displayName: string; password: string },
    ip: string | null = null,
  ): Promise<{ response: LoginResponse; session: Session }> {
    const user = await this.withInvitation(input.token, input.lsp, async (manager, invitation, tenant) => {
      let account = await manager.findOneBy(UserEntity, { email: invitation.email });
      if (account) {
        // The app role cannot read password hashes; this function answers inside an LSP only for its invitees.
        // Throttled and audited like sign-in: an invitation link must not be a way round its waits.
        const [{ hash }]: Array<{ hash: string | null }> = await manager.query(
          `SELECT auth_password_hash($1) AS hash`,
          [account.id],
        );
        account.passwordHash = hash;
        const wrong = `${WRONG_CREDENTIALS}: you already have an account, so enter its current password`;
        await this.auth.checkPassword(account, input.password, ip, wrong);
      } else {
        this.passwords.assertAcceptable(input.password, invitation.email);
        account = await manager.save(
          manager.create(UserEntity, {
            email: invitation.email,
            displayName: input.displayName.trim(),
            passwordHash: await hashPassword(input.password),
            globalRole: null,
          }),
        );
      }
      if (tenant && invitation.role) {
        await manager.upsert(MembershipEntity, { tenantId: tenant.id, userId: account.id, role: invitation.role }, [
          'userId',
          'tenantId',
        ]);
      } else {
        await manager.update(UserEntity, { id: account.id }, { globalRole: 'programme_lead' });
      }
      await manager.update(InvitationEntity, { id: invitation.id }, { acceptedAt: () => 'now()' });
      await this.audit.record(
        {
          action: 'invitation.accepted',
          tenantId: invitation.tenantId,
          actorUserId: account.id,
          target: { type: 'invitation', id: invitation.id },
          after: { userId: account.id, role: invitation.role ?? invitation.globalRole },
        },
        manager,
      );
      return account;
    });
    return this.auth.startSession(user);
  }

  /** Finds a usable invitation by token inside the LSP named by the link (RLS scopes the lookup), locked. */
  private async withInvitation<T>(
    token: string,
    lsp: string | undefined,
    work: (manager: EntityManager, invitation: InvitationEntity, tenant: TenantEntity | null) => Promise<T>,
  ): Promise<T> {
    const tenant = lsp
      ? await this.database.outsideTenants((manager) => manager.findOneBy(TenantEntity, { slug: lsp }))
      : null;
    if (lsp && !tenant) {
      throw new NotFound('This invitation link is not valid');
    }
    return this.database.run({ tenantId: tenant?.id ?? null }, async (manager) => {
      const invitation = await manager.findOne(InvitationEntity, {
        where: { tokenHash: hashToken(token) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) {
        throw new NotFound('This invitation link is not valid');
      }
      if (invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) {
        throw new Gone(
          invitation.acceptedAt
            ? 'This invitation has already been used: sign in instead'
            : 'This invitation has expired or been withdrawn: ask your LSP administrator for a new one',
        );
      }
      return work(manager, invitation, tenant);
    });
  }

  private async refuseExistingAccess(manager: EntityManager, target: InvitationTarget, email: string): Promise<void> {
    const user = await manager.findOneBy(UserEntity, { email });
    if (!user) {
      return;
    }
    if (!target.tenant && user.globalRole) {
      throw new Conflict(`${email} already has a programme-wide role`);
    }
    if (
      target.tenant &&
      (await manager.countBy(MembershipEntity, { userId: user.id, tenantId: target.tenant.id })) > 0
    ) {
      throw new Conflict(`${email} is already a member of this LSP`);
    }
  }

  private async send(
    manager: EntityManager,
    row: InvitationEntity,
    token: string,
    tenant: TenantEntity | null,
  ): Promise<void> {
    const link = new URL('/invitations/accept', this.config.get('PUBLIC_URL'));
    link.searchParams.set('token', token);
    if (tenant) {
      link.searchParams.set('lsp', tenant.slug);
    }
    const template = await this.templates.resolve(manager, 'invitation', tenant?.id ?? null);
    try {
      await this.mail.send(
        invitationEmail(template, {
          to: row.email,
          link: link.toString(),
          tenantName: tenant?.name ?? null,
          role: row.role ?? 'programme_lead',
          expiresAt: row.expiresAt,
        }),
      );
    } catch {
      throw new Unavailable('The invitation email could not be sent, so no invitation was made. Try again shortly.');
    }
  }
}
