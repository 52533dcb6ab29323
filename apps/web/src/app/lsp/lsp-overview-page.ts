import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AuthService, membershipOf } from '@dspt/web/auth';
import { TENANT_ROLE_LABELS } from '@dspt/web/core';

/** `/lsp/:slug`: the LSP's home page. Its caseload arrives with the caseload screens. */
@Component({
  selector: 'dspt-lsp-overview-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (membership(); as current) {
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <span class="nhsuk-caption-l">Local Support Partner</span>
          <h1>{{ current.tenant.name }}</h1>
          <dl class="nhsuk-summary-list" data-testid="lsp-summary">
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Region</dt>
              <dd class="nhsuk-summary-list__value">{{ current.tenant.region }}</dd>
            </div>
            <div class="nhsuk-summary-list__row">
              <dt class="nhsuk-summary-list__key">Your role</dt>
              <dd class="nhsuk-summary-list__value" data-testid="lsp-role">{{ roleLabels[current.role] }}</dd>
            </div>
          </dl>
          <div class="nhsuk-inset-text">
            <span class="nhsuk-u-visually-hidden">Information: </span>
            <p>Your caseload of care providers will appear here in a coming release.</p>
          </div>
          @if (current.role === 'admin') {
            <p><a [routerLink]="['/lsp', current.tenant.slug, 'users']">Manage the LSP's users</a></p>
          }
        </div>
      </div>
    }
  `,
})
export class LspOverviewPage {
  private readonly auth = inject(AuthService);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly roleLabels = TENANT_ROLE_LABELS;
  protected readonly membership = computed(() => {
    const user = this.auth.currentUser();
    return user ? membershipOf(user, this.slug()) : undefined;
  });
}
