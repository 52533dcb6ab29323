import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { apiProblemFrom } from '@dspt/web/core';
import { NotificationBanner, ResponsiveTable } from '@dspt/web/ui';
import { CreateTenantForm, type TenantCreated } from './create-tenant-form';
import { TenantsApi } from './tenants.api';

/** `/admin/tenants` (system admins): every LSP, and a form to add one. */
@Component({
  selector: 'dspt-tenants-page',
  imports: [CreateTenantForm, NotificationBanner, RouterLink, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (confirmation(); as created) {
      <dspt-notification-banner variant="success">
        <p class="nhsuk-notification-banner__heading" data-testid="confirmation">
          {{ created.tenant.name }} was added.
        </p>
        @if (created.adminEmail) {
          <p>We have sent an invitation to {{ created.adminEmail }} to be its first admin.</p>
        }
      </dspt-notification-banner>
    }
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>LSPs</h1>
        <p class="nhsuk-lede-text">
          The Local Support Partners that use the portal. Each one sees only its own providers.
        </p>
        <p>
          A provider that moves area is offered by one LSP to another:
          <a routerLink="/admin/transfer-requests">answer transfer requests</a>.
        </p>
      </div>
    </div>

    @if (tenants.hasValue()) {
      <table class="nhsuk-table" dsptResponsiveTable data-testid="tenants-table">
        <caption class="nhsuk-table__caption nhsuk-table__caption--m">
          {{
            tenants.value().items.length
          }}
          LSPs
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Name</th>
            <th class="nhsuk-table__header" scope="col">Slug</th>
            <th class="nhsuk-table__header" scope="col">Region</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (tenant of tenants.value().items; track tenant.id) {
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">
                <a [routerLink]="['/admin/tenants', tenant.slug]">{{ tenant.name }}</a>
              </td>
              <td class="nhsuk-table__cell">
                <code>{{ tenant.slug }}</code>
              </td>
              <td class="nhsuk-table__cell">{{ tenant.region }}</td>
            </tr>
          }
        </tbody>
      </table>
    } @else if (tenants.error()) {
      <p data-testid="tenants-problem">{{ loadFailure(tenants.error()) }}</p>
    } @else {
      <p>Loading LSPs…</p>
    }

    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h2>Add an LSP</h2>
        <dspt-create-tenant-form (created)="created($event)" />
      </div>
    </div>
  `,
})
export class TenantsPage {
  protected readonly tenants = inject(TenantsApi).tenantsResource();
  protected readonly confirmation = signal<TenantCreated | null>(null);

  protected loadFailure(error: unknown): string {
    return apiProblemFrom(error).message;
  }

  protected created(created: TenantCreated): void {
    this.confirmation.set(created);
    this.tenants.reload();
  }
}
