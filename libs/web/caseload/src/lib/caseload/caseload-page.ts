import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { CaseloadSort, CaseloadView } from '@dspt/contracts';
import { apiProblemFrom } from '@dspt/web/core';
import { Pagination, SuccessBanner } from '@dspt/web/ui';
import { map } from 'rxjs';
import { CaseloadApi } from '../api/caseload.api';
import { lastLoaded, lspAccess } from '../lsp-access';
import { adviserOptions } from './adviser-options';
import { BulkAssignForm, providerCount } from './bulk-assign-form';
import { CaseloadFiltersForm } from './caseload-filters';
import {
  CASELOAD_PAGE_SIZE,
  type CaseloadFilters,
  type CaseloadQuery,
  NO_FILTERS,
  caseloadQueryFrom,
  caseloadQueryParams,
  filteredBy,
  hasFilters,
  inView,
  sortedBy,
} from './caseload-query';
import { CaseloadTable } from './caseload-table';

const VIEWS: readonly { view: CaseloadView | null; label: string }[] = [
  { view: null, label: 'All providers' },
  { view: 'mine', label: 'My providers' },
  { view: 'at-risk', label: 'At risk' },
];

/**
 * `/lsp/:slug/caseload`, the LSP's home: its providers, most urgent first, with saved views, filters,
 * sorting and pages, all held in the address (shareable, and Back undoes a change). Advisers and admins
 * can assign an adviser to many providers at once.
 */
@Component({
  selector: 'dspt-caseload-page',
  imports: [BulkAssignForm, CaseloadFiltersForm, CaseloadTable, Pagination, RouterLink, SuccessBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-views {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      margin: 0 0 1.5rem;
      padding: 0;
      border-bottom: 1px solid #d8dde0;
      list-style: none;
    }
    .dspt-views a {
      display: inline-block;
      padding: 0.5rem 0;
    }
    .dspt-views a[aria-current='page'] {
      border-bottom: 4px solid #005eb8;
      color: #212b32;
      font-weight: 600;
      text-decoration: none;
    }
  `,
  template: `
    <dspt-success-banner [message]="confirmation()" />
    <span class="nhsuk-caption-l">{{ access().name }}</span>
    <h1>Caseload</h1>
    @if (access().canWrite) {
      <p><a [routerLink]="['/lsp', slug(), 'import']" data-testid="import-link">Import providers from a spreadsheet</a></p>
    }

    <nav aria-label="Saved views">
      <ul class="dspt-views">
        @for (saved of views; track saved.label) {
          <li>
            <a
              [routerLink]="[]"
              [queryParams]="viewParams(saved.view)"
              [attr.aria-current]="saved.view === query().view ? 'page' : null"
              >{{ saved.label }}</a
            >
          </li>
        }
      </ul>
    </nav>

    <dspt-caseload-filters
      [filters]="query()"
      [advisers]="advisers()"
      [canClear]="filtered()"
      (applied)="filter($event)"
      (cleared)="filter(noFilters)"
    />

    @if (caseload.error(); as error) {
      <div class="nhsuk-error-summary" role="alert" data-testid="caseload-problem">
        <h2 class="nhsuk-error-summary__heading">The caseload could not be loaded</h2>
        <div class="nhsuk-error-summary__body">
          <p>{{ problem(error) }}</p>
        </div>
      </div>
    }
    <p role="status" data-testid="caseload-count">{{ countText() }}</p>
    @if (page(); as current) {
      @if (current.items.length > 0) {
        @if (access().canWrite) {
          <dspt-bulk-assign-form [slug]="slug()" [selected]="selected()" [advisers]="advisers()" (assigned)="assigned($event)" />
        }
        <dspt-caseload-table
          [slug]="slug()"
          [items]="current.items"
          [sort]="query().sort"
          [direction]="query().direction"
          [selectable]="access().canWrite"
          [busy]="caseload.isLoading()"
          [(selected)]="selected"
          (sortBy)="sort($event)"
        />
        <dspt-pagination [page]="current.page" [pageCount]="pageCount()" label="Caseload pages" />
      }
    }
  `,
})
export class CaseloadPage {
  private readonly api = inject(CaseloadApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly views = VIEWS;
  protected readonly noFilters = NO_FILTERS;
  protected readonly access = lspAccess(this.slug);
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(caseloadQueryFrom)), {
    initialValue: caseloadQueryFrom(this.route.snapshot.queryParamMap),
  });
  protected readonly filtered = computed(() => hasFilters(this.query()));
  protected readonly caseload = this.api.caseloadResource(this.slug, this.query);
  protected readonly page = lastLoaded(this.caseload);
  protected readonly pageCount = computed(() => Math.max(1, Math.ceil((this.page()?.total ?? 0) / CASELOAD_PAGE_SIZE)));
  protected readonly countText = computed(() => {
    const current = this.page();
    if (!current) {
      return this.caseload.error() ? '' : 'Loading the caseload…';
    }
    if (current.total === 0) {
      return this.filtered() || this.query().view ? 'No providers match this view and these filters.' : 'There are no providers in this caseload yet.';
    }
    const first = (current.page - 1) * current.pageSize + 1;
    const last = Math.min(current.total, first + current.items.length - 1);
    return `Showing ${first} to ${last} of ${providerCount(current.total)}, ${current.cycle} cycle.`;
  });

  private readonly members = this.api.advisersResource(this.slug);
  protected readonly advisers = computed(() =>
    adviserOptions({
      me: this.access().canWrite ? this.access().me : null,
      members: this.members.hasValue() ? this.members.value().items : [],
      seen: this.page()?.items.map((item) => item.assignedAdviser) ?? [],
      selectedId: this.query().adviser,
    }),
  );
  /** Rows ticked for bulk assignment; another page or view starts with none. */
  protected readonly selected = linkedSignal<unknown, readonly string[]>({ source: this.query, computation: () => [] });
  protected readonly confirmation = signal<string | null>(null);

  protected viewParams(view: CaseloadView | null) {
    return caseloadQueryParams(inView(this.query(), view));
  }

  protected sort(sort: CaseloadSort): void {
    this.show(sortedBy(this.query(), sort));
  }

  protected filter(filters: CaseloadFilters): void {
    this.show(filteredBy(this.query(), filters));
  }

  protected assigned(message: string): void {
    this.confirmation.set(message);
    this.selected.set([]);
    this.caseload.reload();
  }

  protected problem(error: unknown): string {
    return apiProblemFrom(error).message;
  }

  private show(query: CaseloadQuery): void {
    this.confirmation.set(null);
    this.router.navigate([], { relativeTo: this.route, queryParams: caseloadQueryParams(query) });
  }
}
