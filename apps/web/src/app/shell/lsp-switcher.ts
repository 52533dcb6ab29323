import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MembershipSummary } from '@dspt/contracts';
import { TENANT_ROLE_LABELS } from '@dspt/web/core';

/**
 * Which LSP the user is working in, under the header; with several memberships, a "Switch LSP" list of
 * links to the others (links rather than a select that navigates, so nothing happens until they choose).
 */
@Component({
  selector: 'dspt-lsp-switcher',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-u-margin-top-4" data-testid="lsp-switcher">
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-2">
        Local Support Partner: <strong data-testid="current-lsp">{{ current().tenant.name }}</strong> ({{
          roleLabels[current().role]
        }})
      </p>
      @if (memberships().length > 1) {
        <details
          class="nhsuk-details nhsuk-u-margin-bottom-0"
          [open]="open()"
          (toggle)="open.set(details.open)"
          #details
        >
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">Switch LSP</span>
          </summary>
          <div class="nhsuk-details__text">
            <ul class="nhsuk-list nhsuk-u-margin-bottom-0">
              @for (membership of memberships(); track membership.tenant.slug) {
                <li>
                  <a
                    [routerLink]="['/lsp', membership.tenant.slug]"
                    [attr.aria-current]="membership.tenant.slug === current().tenant.slug ? 'true' : null"
                    (click)="open.set(false)"
                    >{{ membership.tenant.name }}</a
                  >
                  @if (membership.tenant.slug === current().tenant.slug) {
                    <span class="nhsuk-body-s"> (current)</span>
                  }
                </li>
              }
            </ul>
          </div>
        </details>
      }
    </div>
  `,
})
export class LspSwitcher {
  readonly current = input.required<MembershipSummary>();
  readonly memberships = input.required<readonly MembershipSummary[]>();

  protected readonly open = signal(false);
  protected readonly roleLabels = TENANT_ROLE_LABELS;
}
