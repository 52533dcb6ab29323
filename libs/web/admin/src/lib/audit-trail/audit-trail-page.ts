import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AuditEventList } from '@dspt/contracts';
import { AuthService, membershipOf } from '@dspt/web/auth';
import { PortalDatePipe, apiProblemFrom } from '@dspt/web/core';
import { CollapsibleFilters, Pagination } from '@dspt/web/ui';
import { map } from 'rxjs';
import { describeAuditAction, describeAuditChange } from '../lsp-users/audit-event-description';
import { AuditTrailFiltersForm } from './audit-trail-filters';
import {
  AUDIT_TRAIL_PAGE_SIZE,
  type AuditTrailFilters,
  type AuditTrailQuery,
  NO_AUDIT_FILTERS,
  auditFilteredBy,
  auditTrailExportUrl,
  auditTrailQueryFrom,
  auditTrailQueryParams,
  hasAuditFilters,
} from './audit-trail-query';
import { AuditTrailApi } from './audit-trail.api';

const NUMBER = new Intl.NumberFormat('en-GB');

/**
 * `/lsp/:slug/audit` (LSP admins): the LSP's whole audit trail, newest first, searched by who, what,
 * when and which provider, in pages, and downloaded as it is filtered. The search lives in the address,
 * so it can be shared and Back undoes a change.
 */
@Component({
  selector: 'dspt-audit-trail-page',
  imports: [AuditTrailFiltersForm, CollapsibleFilters, Pagination, PortalDatePipe, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="nhsuk-caption-l">{{ lspName() }}</span>
    <h1>Audit trail</h1>
    <p>Everything people did in this LSP, and what the portal did for it, newest first. Times are UK times.</p>

    <dspt-collapsible-filters [inUse]="filtered()">
      <dspt-audit-trail-filters
        [filters]="query()"
        [canClear]="filtered()"
        (applied)="filter($event)"
        (cleared)="filter(noFilters)"
      />
    </dspt-collapsible-filters>

    @if (query().providerId) {
      <div class="nhsuk-inset-text" data-testid="audit-provider-filter">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        <p>
          Showing only the events about one provider and its contacts.
          <a [routerLink]="[]" [queryParams]="everyProviderParams()">Show every provider</a>
        </p>
      </div>
    }

    @if (search.error(); as error) {
      <div class="nhsuk-error-summary" role="alert" data-testid="audit-problem">
        <h2 class="nhsuk-error-summary__heading">The audit trail could not be loaded</h2>
        <div class="nhsuk-error-summary__body">
          <p>{{ problem(error) }}</p>
        </div>
      </div>
    }
    <p role="status" data-testid="audit-count">{{ countText() }}</p>

    @if (result(); as current) {
      @if (current.items.length > 0) {
        <table
          class="nhsuk-table nhsuk-table--responsive"
          role="table"
          data-testid="audit-events"
          [attr.aria-busy]="search.isLoading()"
        >
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
            Audit events, newest first
          </caption>
          <thead class="nhsuk-table__head" role="rowgroup">
            <tr class="nhsuk-table__row" role="row">
              <th class="nhsuk-table__header" scope="col" role="columnheader">When</th>
              <th class="nhsuk-table__header" scope="col" role="columnheader">Who</th>
              <th class="nhsuk-table__header" scope="col" role="columnheader">What</th>
              <th class="nhsuk-table__header" scope="col" role="columnheader">Details</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            @for (row of rows(); track row.id) {
              <tr class="nhsuk-table__row" role="row" data-testid="audit-event">
                <td class="nhsuk-table__cell" role="cell">
                  <span class="nhsuk-table__heading" aria-hidden="true">When </span>
                  <time [attr.datetime]="row.occurredAt">{{ row.occurredAt | portalDate: 'dateTime' }}</time>
                </td>
                <td class="nhsuk-table__cell dspt-break" role="cell">
                  <span class="nhsuk-table__heading" aria-hidden="true">Who </span>{{ row.actor }}
                </td>
                <td class="nhsuk-table__cell" role="cell">
                  <span class="nhsuk-table__heading" aria-hidden="true">What </span>{{ row.action }}
                </td>
                <td class="nhsuk-table__cell dspt-break" role="cell">
                  <span class="nhsuk-table__heading" aria-hidden="true">Details </span>
                  <span>
                    {{ row.change }}
                    @if (row.providerId && row.providerId !== query().providerId) {
                      <a [routerLink]="[]" [queryParams]="providerParams(row.providerId)">Only this provider</a>
                    }
                  </span>
                </td>
              </tr>
            }
          </tbody>
        </table>
        <dspt-pagination [page]="current.page" [pageCount]="pageCount()" label="Audit trail pages" />

        <h2 class="nhsuk-heading-s">Download these events</h2>
        <p class="nhsuk-body-s">
          Every page, with these filters. Cells that a spreadsheet would run as formulas are made safe.
        </p>
        <div class="nhsuk-button-group" data-testid="audit-downloads">
          <a
            class="nhsuk-button nhsuk-button--secondary"
            [href]="exportUrl('csv')"
            download
            data-testid="audit-export-csv"
          >
            Download as CSV
          </a>
          <a
            class="nhsuk-button nhsuk-button--secondary"
            [href]="exportUrl('xlsx')"
            download
            data-testid="audit-export-xlsx"
          >
            Download as Excel (XLSX)
          </a>
        </div>
      }
    }
  `,
  styles: `
    .dspt-break {
      overflow-wrap: anywhere;
    }
  `,
})
export class AuditTrailPage {
  private readonly api = inject(AuditTrailApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly noFilters = NO_AUDIT_FILTERS;
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(auditTrailQueryFrom)), {
    initialValue: auditTrailQueryFrom(this.route.snapshot.queryParamMap),
  });
  protected readonly filtered = computed(() => hasAuditFilters(this.query()));
  protected readonly search = this.api.searchResource(this.slug, this.query);
  /** The last page that loaded: it stays while the next one loads, so the table does not jump. */
  protected readonly result = linkedSignal<AuditEventList | undefined, AuditEventList | undefined>({
    source: () => (this.search.hasValue() ? this.search.value() : undefined),
    computation: (value, previous) => value ?? previous?.value,
  });
  protected readonly pageCount = computed(() =>
    Math.max(1, Math.ceil((this.result()?.total ?? 0) / AUDIT_TRAIL_PAGE_SIZE)),
  );
  protected readonly lspName = computed(() => {
    const user = this.auth.currentUser();
    return (user && membershipOf(user, this.slug())?.tenant.name) || this.slug();
  });
  protected readonly rows = computed(() =>
    (this.result()?.items ?? []).map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt,
      actor: event.actorEmail ?? 'The portal',
      action: describeAuditAction(event.action),
      change: describeAuditChange(event),
      providerId: event.targetType === 'provider' ? event.targetId : null,
    })),
  );
  protected readonly countText = computed(() => {
    const current = this.result();
    if (!current) {
      return this.search.error() ? '' : 'Loading the audit trail…';
    }
    if (current.total === 0) {
      return this.filtered() ? 'No events match these filters.' : 'Nothing has happened in this LSP yet.';
    }
    const first = (current.page - 1) * current.pageSize + 1;
    const last = Math.min(current.total, first + current.items.length - 1);
    const events = current.total === 1 ? 'event' : 'events';
    return `Showing ${NUMBER.format(first)} to ${NUMBER.format(last)} of ${NUMBER.format(current.total)} ${events}, newest first.`;
  });

  protected filter(filters: AuditTrailFilters): void {
    this.show(auditFilteredBy(filters));
  }

  protected exportUrl(format: 'csv' | 'xlsx'): string {
    return auditTrailExportUrl(this.slug(), this.query(), format);
  }

  protected providerParams(providerId: string) {
    return auditTrailQueryParams({ ...this.query(), providerId, page: 1 });
  }

  protected everyProviderParams() {
    return auditTrailQueryParams({ ...this.query(), providerId: null, page: 1 });
  }

  protected problem(error: unknown): string {
    return apiProblemFrom(error).message;
  }

  private show(query: AuditTrailQuery): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: auditTrailQueryParams(query) });
  }
}
