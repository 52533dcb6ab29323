import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output, signal } from '@angular/core';
import type { TenantMember } from '@dspt/contracts';
import { TENANT_ROLES, type TenantRole, isTenantRole } from '@dspt/domain';
import { TENANT_ROLE_LABELS } from '@dspt/web/core';
import { ConfirmationCard, Tag, ResponsiveTable } from '@dspt/web/ui';

/** An action the table asks the admin to confirm before the page carries it out. */
interface MemberAction {
  action: 'remove' | 'reset-mfa';
  member: TenantMember;
}

/** What the confirmation card asks for each action. */
function questionFor({ action, member }: MemberAction, lspName: string) {
  const name = member.displayName;
  return action === 'remove'
    ? {
        testId: 'confirm-removal',
        heading: `Remove ${name} from ${lspName}?`,
        description:
          'They will no longer be able to see or change anything in this LSP. You can invite them again later.',
        confirmLabel: `Yes, remove ${name}`,
      }
    : {
        testId: 'confirm-mfa-reset',
        heading: `Reset two-factor authentication for ${name}?`,
        description:
          'Only do this if you know it is them asking, for example because they have lost their phone. They will be ' +
          'signed out and their recovery codes will stop working. They will set up two-factor authentication again ' +
          'the next time they sign in.',
        confirmLabel: `Yes, reset two-factor authentication for ${name}`,
      };
}

export interface RoleChange {
  member: TenantMember;
  role: TenantRole;
}

/**
 * The LSP's members, each with a role the admin can change, a "Remove", and (for others who have it on)
 * a "Reset" of their two-factor authentication; removing and resetting ask for confirmation first. It
 * only asks: the page makes the calls.
 */
@Component({
  selector: 'dspt-members-table',
  imports: [ConfirmationCard, Tag, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (question(); as asked) {
      <dspt-confirmation-card
        [attr.data-testid]="asked.testId"
        [heading]="asked.heading"
        [description]="asked.description"
        [confirmLabel]="asked.confirmLabel"
        (confirmed)="confirm(asked)"
        (cancelled)="confirming.set(null)"
      />
    }
    <table class="nhsuk-table" dsptResponsiveTable data-testid="members-table">
      <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
        Members of
        {{
          lspName()
        }}
      </caption>
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
              <label class="nhsuk-u-visually-hidden" [for]="'role-' + member.userId"
                >Role of {{ member.displayName }}</label
              >
              <select class="nhsuk-select" [id]="'role-' + member.userId" (change)="draft(member, $event)">
                @for (role of roles; track role) {
                  <option [value]="role" [selected]="role === (drafts()[member.userId] ?? member.role)">
                    {{ roleLabels[role] }}
                  </option>
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
                @if (member.userId !== currentUserId()) {
                  <br />
                  <button
                    class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0 nhsuk-u-margin-top-2"
                    type="button"
                    (click)="confirming.set({ action: 'reset-mfa', member })"
                  >
                    Reset<span class="nhsuk-u-visually-hidden">
                      two-factor authentication for {{ member.displayName }}</span
                    >
                  </button>
                }
              } @else {
                <dspt-tag colour="grey">Off</dspt-tag>
              }
            </td>
            <td class="nhsuk-table__cell">
              <button
                class="nhsuk-button nhsuk-button--warning nhsuk-button--small nhsuk-u-margin-bottom-0"
                type="button"
                (click)="confirming.set({ action: 'remove', member })"
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
  readonly resetMfa = output<TenantMember>();

  protected readonly roles = TENANT_ROLES;
  protected readonly roleLabels = TENANT_ROLE_LABELS;
  /** Roles chosen in the selects and not yet saved; a fresh list of members starts them again. */
  protected readonly drafts = linkedSignal<readonly TenantMember[], Readonly<Record<string, TenantRole>>>({
    source: this.members,
    computation: () => ({}),
  });
  protected readonly confirming = signal<MemberAction | null>(null);
  protected readonly question = computed(() => {
    const asked = this.confirming();
    return asked ? { ...asked, ...questionFor(asked, this.lspName()) } : null;
  });

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

  protected confirm({ action, member }: MemberAction): void {
    this.confirming.set(null);
    (action === 'remove' ? this.remove : this.resetMfa).emit(member);
  }
}
