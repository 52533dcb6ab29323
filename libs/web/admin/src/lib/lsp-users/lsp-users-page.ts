import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { Invitation, TenantMember } from '@dspt/contracts';
import { AuthService, hasTenantRole, membershipOf } from '@dspt/web/auth';
import { TENANT_ROLE_LABELS, apiProblemFrom } from '@dspt/web/core';
import { ActionProblems, ErrorSummary, SuccessBanner } from '@dspt/web/ui';
import { InviteUserForm } from './invite-user-form';
import { LspUsersApi } from './lsp-users.api';
import { MembersTable, type RoleChange } from './members-table';
import { PendingInvitations, pendingInvitations } from './pending-invitations';
import { RecentActivity } from './recent-activity';

/**
 * `/lsp/:slug/users` (LSP admins): the LSP's members and their roles, inviting people, pending
 * invitations, and recent activity from the audit trail.
 */
@Component({
  selector: 'dspt-lsp-users-page',
  imports: [ErrorSummary, InviteUserForm, MembersTable, PendingInvitations, RecentActivity, RouterLink, SuccessBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './lsp-users-page.html',
})
export class LspUsersPage {
  private readonly api = inject(LspUsersApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly members = this.api.membersResource(this.slug);
  protected readonly invitations = this.api.invitationsResource(this.slug);
  protected readonly activity = this.api.auditEventsResource(this.slug);

  protected readonly problems = new ActionProblems();
  protected readonly confirmation = signal<string | null>(null);
  protected readonly currentUserId = computed(() => this.auth.currentUser()?.user.id);
  protected readonly lspName = computed(() => {
    const user = this.auth.currentUser();
    return (user && membershipOf(user, this.slug())?.tenant.name) || this.slug();
  });
  protected readonly pending = computed(() =>
    pendingInvitations(this.invitations.hasValue() ? this.invitations.value().items : [], new Date()),
  );

  protected loadFailure(error: unknown): string {
    return apiProblemFrom(error).message;
  }

  protected changeRole({ member, role }: RoleChange): Promise<void> {
    return this.act(async () => {
      await this.api.changeRole(this.slug(), member.userId, role);
      this.confirmation.set(`${member.displayName} is now ${article(TENANT_ROLE_LABELS[role])}.`);
      this.members.reload();
      if (member.userId === this.currentUserId()) {
        await this.afterChangingOwnAccess();
      }
    });
  }

  protected remove(member: TenantMember): Promise<void> {
    return this.act(async () => {
      await this.api.remove(this.slug(), member.userId);
      this.confirmation.set(`${member.displayName} was removed from ${this.lspName()}.`);
      this.members.reload();
      if (member.userId === this.currentUserId()) {
        await this.afterChangingOwnAccess();
      }
    });
  }

  protected resetMfa(member: TenantMember): Promise<void> {
    return this.act(async () => {
      await this.api.resetMfa(this.slug(), member.userId);
      this.confirmation.set(
        `Two-factor authentication was reset for ${member.displayName}. They will set it up again the next time they sign in.`,
      );
      this.members.reload();
    });
  }

  protected revoke(invitation: Invitation): Promise<void> {
    return this.act(async () => {
      await this.api.revokeInvitation(this.slug(), invitation.id);
      this.confirmation.set(`The invitation for ${invitation.email} was revoked.`);
      this.invitations.reload();
    });
  }

  protected invited(invitation: Invitation): void {
    this.problems.clear();
    this.confirmation.set(`We have sent an invitation to ${invitation.email}.`);
    this.invitations.reload();
    this.activity.reload();
  }

  private async act(action: () => Promise<void>): Promise<void> {
    this.problems.clear();
    this.confirmation.set(null);
    try {
      await action();
      this.activity.reload();
    } catch (failure: unknown) {
      this.problems.report(failure);
    }
  }

  /** An admin who made themselves an adviser, or removed themselves, can no longer use this page. */
  private async afterChangingOwnAccess(): Promise<void> {
    const user = await this.auth.refresh();
    if (!user || !hasTenantRole(user, this.slug(), 'admin')) {
      await this.router.navigateByUrl(user && membershipOf(user, this.slug()) ? `/lsp/${this.slug()}` : '/');
    }
  }
}

function article(roleLabel: string): string {
  return /^[AEIOU]/.test(roleLabel) ? `an ${roleLabel.toLowerCase()}` : `a ${roleLabel.toLowerCase()}`;
}
