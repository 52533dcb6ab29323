import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { Invitation } from '@dspt/contracts';
import { isTenantRole } from '@dspt/domain';
import { TENANT_ROLE_LABELS, PortalDatePipe } from '@dspt/web/core';
import { ResponsiveTable } from '@dspt/web/ui';

/** Invitations not yet accepted, revoked or expired. */
export function pendingInvitations(invitations: readonly Invitation[], now: Date): Invitation[] {
  return invitations.filter(
    (invitation) => !invitation.acceptedAt && !invitation.revokedAt && new Date(invitation.expiresAt) > now,
  );
}

/** The LSP's pending invitations, each with a "Revoke" button (the page makes the call). */
@Component({
  selector: 'dspt-pending-invitations',
  imports: [PortalDatePipe, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (invitations().length === 0) {
      <p data-testid="no-pending-invitations">There are no invitations waiting to be accepted.</p>
    } @else {
      <table class="nhsuk-table" dsptResponsiveTable data-testid="pending-invitations">
        <caption class="nhsuk-table__caption nhsuk-table__caption--s nhsuk-u-visually-hidden">
          Pending invitations
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Email address</th>
            <th class="nhsuk-table__header" scope="col">Role</th>
            <th class="nhsuk-table__header" scope="col">Expires</th>
            <th class="nhsuk-table__header" scope="col"><span class="nhsuk-u-visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (invitation of invitations(); track invitation.id) {
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">{{ invitation.email }}</td>
              <td class="nhsuk-table__cell">{{ roleLabel(invitation) }}</td>
              <td class="nhsuk-table__cell">{{ invitation.expiresAt | portalDate: 'dateTime' }}</td>
              <td class="nhsuk-table__cell">
                <button
                  class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                  type="button"
                  (click)="revoke.emit(invitation)"
                >
                  Revoke<span class="nhsuk-u-visually-hidden"> the invitation for {{ invitation.email }}</span>
                </button>
              </td>
            </tr>
          }
        </tbody>
      </table>
    }
  `,
})
export class PendingInvitations {
  readonly invitations = input.required<readonly Invitation[]>();
  readonly revoke = output<Invitation>();

  protected roleLabel(invitation: Invitation): string {
    return isTenantRole(invitation.role) ? TENANT_ROLE_LABELS[invitation.role] : '';
  }
}
