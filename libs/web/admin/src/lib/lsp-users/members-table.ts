import { ChangeDetectionStrategy, Component, input, linkedSignal, output, signal } from '@angular/core';
import type { TenantMember } from '@dspt/contracts';
import { TENANT_ROLES, type TenantRole, isTenantRole } from '@dspt/domain';
import { TENANT_ROLE_LABELS } from '@dspt/web/core';
import { FocusOnRender, Tag } from '@dspt/web/ui';

export interface RoleChange {
  member: TenantMember;
  role: TenantRole;
}

/**
 * The LSP's members, each with a role the admin can change and a "Remove" that asks for confirmation
 * first. It only asks: the page makes the calls.
 */
@Component({
  selector: 'dspt-members-table',
  imports: [FocusOnRender, Tag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (confirmingRemoval(); as member) {
      <div class="nhsuk-card nhsuk-card--warning" data-testid="confirm-removal">
        <div class="nhsuk-card__content">
          <h3 class="nhsuk-card__heading" dsptFocusOnRender>Remove {{ member.displayName }} from {{ lspName() }}?</h3>
          <p class="nhsuk-card__description">
            They will no longer be able to see or change anything in this LSP. You can invite them again later.
          </p>
          <div class="nhsuk-button-group nhsuk-u-margin-top-4 nhsuk-u-margin-bottom-0">
            <button class="nhsuk-button nhsuk-button--warning" type="button" (click)="confirmRemoval(member)">
              Yes, remove {{ member.displayName }}
            </button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="confirmingRemoval.set(null)">
              Cancel
            </button>
          </div>
        </div>
      </div>
    }
    <table class="nhsuk-table" data-testid="members-table">
      <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Members of {{ lspName() }}</caption>
      <thead class="nhsuk-table__head">
        <tr class="nhsuk-table__row">
          <th class="nhsuk-table__header" scope="col">Name</th>
          <th class="nhsuk-table__header" scope="col">Role</th>
          <th class="nhsuk-table__header" scope="col">Two-factor authentication</th>
          <th class="nhsuk-table__header" scope="col"><span class="nhsuk-u-visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        @for (member of members(); track member.userId) {
          <tr class="nhsuk-table__row" [attr.data-testid]="'member-' + member.email">
            <td class="nhsuk-table__cell">
              <strong>{{ member.displayName }}</strong>
              @if (member.userId === currentUserId()) {
                (you)
              }
              <br />
              <span class="nhsuk-body-s">{{ member.email }}</span>
            </td>
            <td class="nhsuk-table__cell">
              <label class="nhsuk-u-visually-hidden" [for]="'role-' + member.userId">Role of {{ member.displayName }}</label>
              <select class="nhsuk-select" [id]="'role-' + member.userId" (change)="draft(member, $event)">
                @for (role of roles; track role) {
                  <option [value]="role" [selected]="role === (drafts()[member.userId] ?? member.role)">{{ roleLabels[role] }}</option>
                }
              </select>
              <button
                class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-2"
                type="button"
                (click)="changeRole(member)"
              >
                Change role<span class="nhsuk-u-visually-hidden"> of {{ member.displayName }}</span>
              </button>
            </td>
            <td class="nhsuk-table__cell">
              @if (member.mfaEnrolled) {
                <dspt-tag colour="green">On</dspt-tag>
              } @else {
                <dspt-tag colour="grey">Off</dspt-tag>
              }
            </td>
            <td class="nhsuk-table__cell">
              <button
                class="nhsuk-button nhsuk-button--warning nhsuk-button--small nhsuk-u-margin-bottom-0"
                type="button"
                (click)="confirmingRemoval.set(member)"
              >
                Remove<span class="nhsuk-u-visually-hidden"> {{ member.displayName }}</span>
              </button>
            </td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class MembersTable {
  readonly members = input.required<readonly TenantMember[]>();
  readonly currentUserId = input<string>();
  readonly lspName = input.required<string>();
  readonly roleChange = output<RoleChange>();
  readonly remove = output<TenantMember>();

  protected readonly roles = TENANT_ROLES;
  protected readonly roleLabels = TENANT_ROLE_LABELS;
  /** Roles chosen in the selects and not yet saved; a fresh list of members starts them again. */
  protected readonly drafts = linkedSignal<readonly TenantMember[], Readonly<Record<string, TenantRole>>>({
    source: this.members,
    computation: () => ({}),
  });
  protected readonly confirmingRemoval = signal<TenantMember | null>(null);

  protected draft(member: TenantMember, event: Event): void {
    const role = (event.target as HTMLSelectElement).value;
    if (isTenantRole(role)) {
      this.drafts.update((drafts) => ({ ...drafts, [member.userId]: role }));
    }
  }

  protected changeRole(member: TenantMember): void {
    const role = this.drafts()[member.userId] ?? member.role;
    if (role !== member.role) {
      this.roleChange.emit({ member, role });
    }
  }

  protected confirmRemoval(member: TenantMember): void {
    this.confirmingRemoval.set(null);
    this.remove.emit(member);
  }
}
