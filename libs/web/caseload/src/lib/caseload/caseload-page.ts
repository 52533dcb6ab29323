import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CASELOAD_DEFAULT_PAGE_SIZE, type CaseloadSort, type CaseloadView } from '@dspt/contracts';
import { AT_RISK_RULE, atRiskEmptyReason } from '@dspt/domain';
import { apiProblemFrom, PortalDatePipe } from '@dspt/web/core';
import { CollapsibleFilters, Pagination, SuccessBanner } from '@dspt/web/ui';
import { map } from 'rxjs';
import { CaseloadApi } from '../api/caseload.api';
import { lastLoaded, lspAccess } from '../lsp-access';
import { adviserOptions } from './adviser-options';
import { BulkAssignForm } from './bulk-assign-form';
import { CaseloadFiltersForm } from './caseload-filters';
import { CaseloadReturn } from './caseload-return';
import {
  type CaseloadFilters,
  type CaseloadQuery,
  NO_FILTERS,
  caseloadExportUrl,
  caseloadQueryFrom,
  caseloadQueryParams,
  filteredBy,
  hasFilters,
  inView,
  sortedBy,
} from './caseload-query';
import { CaseloadTable } from './caseload-table';
import { providerCount } from './provider-count';

/** How the count below the filters says the order, so a change of sort or page is announced. */
const SORT_WORDS: Readonly<Record<CaseloadSort, string>> = {
  priority: 'priority',
  name: 'provider name',
  progress: 'progress',
  lastContact: 'last contact',
};

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
  imports: [
    BulkAssignForm,
    CaseloadFiltersForm,
    CollapsibleFilters,
    CaseloadTable,
    Pagination,
    PortalDatePipe,
    RouterLink,
    SuccessBanner,
  ],
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
    /* The filters' height as drawn (one column, then three): the list below does not move when they come. */
    @media (min-width: 40.0625em) {
      .dspt-filters-placeholder {
        min-height: 37.25rem;
      }
    }
    @media (min-width: 48.0625em) {
      .dspt-filters-placeholder {
        min-height: 17.75rem;
      }
    }
    .dspt-views a[aria-current='page'] {
      border-bottom: 4px solid #005eb8;
      color: #212b32;
      font-weight: 600;
      text-decoration: none;
    }
  `,
  template: `
    <dspt-success-banner [message]="confirmation()" [occurrence]="confirmations()" />
    <span class="nhsuk-caption-l">{{ access().name }}</span>
    <h1>Caseload</h1>
    @if (access().canWrite) {
      <p>
        <a
          [routerLink]="['/lsp', slug(), 'providers', 'new']"
          class="nhsuk-u-margin-right-4"
          data-testid="add-provider-link"
          >Add a provider</a
        >
        <a [routerLink]="['/lsp', slug(), 'import']" data-testid="import-link">Import providers from a spreadsheet</a>
      </p>
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

    @if (query().view === 'at-risk') {
      <div class="nhsuk-inset-text" data-testid="at-risk-rule">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        <p>{{ atRiskRule }}</p>
      </div>
    }

    <!-- The forms and their code come once the browser is idle, apart from the page's first render. -->
    <dspt-collapsible-filters [inUse]="filtered()">
      @defer (on idle) {
        <dspt-caseload-filters
          [filters]="query()"
          [advisers]="advisers()"
          [canClear]="filtered()"
          (applied)="filter($event)"
          (cleared)="filter(noFilters)"
        />
      } @placeholder {
        <div class="dspt-filters-placeholder"></div>
      }
    </dspt-collapsible-filters>

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
      <!-- Once for the whole list: every row shares the cycle's deadline. -->
      <p data-testid="days-to-deadline">
        {{ deadlineText(current.daysToDeadline) }}:
        <time [attr.datetime]="current.deadline">{{ current.deadline | portalDate }}</time>.
      </p>
      @if (current.items.length > 0) {
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
        <!-- After the table it acts on, so it reads in order: tick the rows, then assign them. -->
        @if (access().canWrite) {
          @defer (on idle) {
            <dspt-bulk-assign-form
              [slug]="slug()"
              [selected]="selected()"
              [advisers]="advisers()"
              (assigned)="assigned($event)"
            />
          }
        }
        <dspt-pagination [page]="current.page" [pageCount]="pageCount()" label="Caseload pages" />
        <h2 class="nhsuk-heading-s">Download this list</h2>
        <p class="nhsuk-body-s">Every page of it, with these filters and this order, in the import's columns.</p>
        <div class="nhsuk-button-group" data-testid="caseload-downloads">
          <a class="nhsuk-button nhsuk-button--secondary" [href]="exportUrl('csv')" download data-testid="export-csv">
            Download as CSV
          </a>
          <a class="nhsuk-button nhsuk-button--secondary" [href]="exportUrl('xlsx')" download data-testid="export-xlsx">
            Download as Excel (XLSX)
          </a>
        </div>
      }
    }
  `,
})
export class CaseloadPage {
  private readonly api = inject(CaseloadApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly caseloadReturn = inject(CaseloadReturn);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();

  protected readonly views = VIEWS;
  protected readonly atRiskRule = AT_RISK_RULE;
  protected readonly noFilters = NO_FILTERS;
  protected readonly access = lspAccess(this.slug);
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(caseloadQueryFrom)), {
    initialValue: caseloadQueryFrom(this.route.snapshot.queryParamMap),
  });
  protected readonly filtered = computed(() => hasFilters(this.query()));
  protected readonly caseload = this.api.caseloadResource(this.slug, this.query);
  protected readonly page = lastLoaded(this.caseload);
  protected readonly pageCount = computed(() =>
    Math.max(1, Math.ceil((this.page()?.total ?? 0) / CASELOAD_DEFAULT_PAGE_SIZE)),
  );
  protected readonly countText = computed(() => {
    const current = this.page();
    if (!current) {
      return this.caseload.error() ? '' : 'Loading the caseload…';
    }
    if (current.total === 0) {
      if (this.query().view === 'at-risk' && !this.filtered()) {
        return atRiskEmptyReason(current.daysToDeadline);
      }
      return this.filtered() || this.query().view
        ? 'No providers match this view and these filters.'
        : 'There are no providers in this caseload yet.';
    }
    const first = (current.page - 1) * current.pageSize + 1;
    const last = Math.min(current.total, first + current.items.length - 1);
    const { sort, direction } = this.query();
    const order = `sorted by ${SORT_WORDS[sort]}, ${direction === 'asc' ? 'ascending' : 'descending'}`;
    return `Showing ${first} to ${last} of ${providerCount(current.total)}, ${current.cycle} cycle, ${order}.`;
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
  protected readonly confirmations = signal(0);

  constructor() {
    // "Back to the caseload" on a provider page comes back to this view, filters, sort and page.
    effect(() => this.caseloadReturn.remember(this.slug(), caseloadQueryParams(this.query())));
  }

  protected exportUrl(format: 'csv' | 'xlsx'): string {
    return caseloadExportUrl(this.slug(), this.query(), format);
  }

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
    this.confirmations.update((count) => count + 1);
    this.selected.set([]);
    this.caseload.reload();
  }

  protected deadlineText(days: number): string {
    if (days < 0) {
      return `The deadline passed ${days === -1 ? '1 day' : `${-days} days`} ago`;
    }
    return days === 0 ? 'The deadline is today' : `${days === 1 ? '1 day' : `${days} days`} to the deadline`;
  }

  protected problem(error: unknown): string {
    return apiProblemFrom(error).message;
  }

  private show(query: CaseloadQuery): void {
    this.confirmation.set(null);
    void this.router.navigate([], { relativeTo: this.route, queryParams: caseloadQueryParams(query) });
  }
}
