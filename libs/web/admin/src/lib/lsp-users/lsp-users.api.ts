import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, type Signal, inject } from '@angular/core';
import type {
  AuditEventList,
  Invitation,
  InvitationList,
  InviteUserRequest,
  TenantMember,
  TenantMemberList,
} from '@dspt/contracts';
import type { TenantRole } from '@dspt/domain';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';

/**
 * An LSP admin's calls: the LSP's members, invitations and audit trail. The `...Resource` methods must
 * be called in an injection context (a component's field initialisers); they reload when `slug` changes.
 */
@Injectable({ providedIn: 'root' })
export class LspUsersApi {
  private readonly http = inject(HttpClient);

  membersResource(slug: Signal<string>) {
    return httpResource<TenantMemberList>(() => `${lspApiPath(slug())}/users`);
  }

  invitationsResource(slug: Signal<string>) {
    return httpResource<InvitationList>(() => `${lspApiPath(slug())}/invitations`);
  }

  auditEventsResource(slug: Signal<string>) {
    return httpResource<AuditEventList>(() => `${lspApiPath(slug())}/audit-events`);
  }

  /** 409 when it would leave the LSP without an admin. */
  changeRole(slug: string, userId: string, role: TenantRole): Promise<TenantMember> {
    return firstValueFrom(
      this.http.patch<TenantMember>(`${lspApiPath(slug)}/users/${encodeURIComponent(userId)}`, { role }),
    );
  }

  /** 409 when it would leave the LSP without an admin. */
  remove(slug: string, userId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${lspApiPath(slug)}/users/${encodeURIComponent(userId)}`));
  }

  /**
   * Turns off a member's two-factor authentication (a lost phone), ending their sessions; answers the
   * member with MFA off. 409 for one's own account, an account without MFA or a programme-wide account.
   */
  resetMfa(slug: string, userId: string): Promise<TenantMember> {
    return firstValueFrom(
      this.http.post<TenantMember>(`${lspApiPath(slug)}/users/${encodeURIComponent(userId)}/mfa-reset`, null),
    );
  }

  /** 409 when the person is already a member or already invited. */
  invite(slug: string, request: InviteUserRequest): Promise<Invitation> {
    return firstValueFrom(this.http.post<Invitation>(`${lspApiPath(slug)}/invitations`, request));
  }

  revokeInvitation(slug: string, invitationId: string): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(`${lspApiPath(slug)}/invitations/${encodeURIComponent(invitationId)}`),
    );
  }
}
