import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type ParamMap, Router, RouterLink } from '@angular/router';
import { COVERAGE_STATUSES, isOneOf } from '@dspt/domain';
import { ApiProblemError, counted, wholeNumber } from '@dspt/web/core';
import { ActionProblems, ErrorSummary, LoadingState, Pagination, SuccessBanner, Tag } from '@dspt/web/ui';
import { map } from 'rxjs';
import { COVERAGE_PAGE_SIZE, CoverageApi, type CoverageQuery } from '../api/coverage.api';
import { lspAccess } from '../lsp-access';
import { COVERAGE_STATUS_LABELS, dsptStatusLabel } from './coverage-labels';
import { LocalAuthoritiesForm } from './local-authorities-form';

function queryFrom(params: ParamMap): CoverageQuery {
  const status = params.get('status');
  const published = params.get('published');
  const page = Number(params.get('page'));
  return {
    status: isOneOf(COVERAGE_STATUSES, status) ? status : null,
    published: published === 'yes' || published === 'no' ? published : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/**
 * `/lsp/:slug/coverage`: the registered adult social care locations in the LSP's local authorities, each
 * in this caseload, in another LSP's (which one is never said) or not engaged, with its DSPT list status.
 * Filters, paging, the outreach list's download, and adding chosen locations to the caseload in one step.
 */
@Component({
  selector: 'dspt-coverage-page',
  imports: [ErrorSummary, LoadingState, LocalAuthoritiesForm, Pagination, RouterLink, SuccessBanner, Tag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="problems" />
    <dspt-success-banner [message]="added()" [occurrence]="claims()" testId="claim-result" />
    <span class="nhsuk-caption-l">{{ access().name }}</span>
    <h1>Coverage</h1>
    <p>
      The adult social care locations the CQC registers in your local authorities, and whether an LSP supports them.
      Locations that are not engaged and have not published their DSPT are your outreach list.
    </p>

    @if (coverage.hasValue()) {
      @let page = coverage.value();
      <dl class="nhsuk-summary-list" data-testid="coverage-summary">
        @for (line of summaryLines(); track line.label) {
          <div class="nhsuk-summary-list__row">
            <dt class="nhsuk-summary-list__key">{{ line.label }}</dt>
            <dd class="nhsuk-summary-list__value">
              @if (line.query) {
                <a [routerLink]="[]" [queryParams]="line.query">{{ line.value }}</a>
              } @else {
                {{ line.value }}
              }
            </dd>
          </div>
        }
      </dl>

      <form class="dspt-coverage-filters" (submit)="applyFilters($event)" data-testid="coverage-filters">
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="coverage-status">Engagement</label>
          <select
            class="nhsuk-select"
            id="coverage-status"
            name="status"
            (change)="status.set($any($event.target).value)"
          >
            <option value="" [selected]="!query().status">Any</option>
            @for (option of statusOptions; track option.value) {
              <option [value]="option.value" [selected]="query().status === option.value">{{ option.label }}</option>
            }
          </select>
        </div>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="coverage-published">DSPT status list</label>
          <select
            class="nhsuk-select"
            id="coverage-published"
            name="published"
            (change)="published.set($any($event.target).value)"
          >
            <option value="" [selected]="!query().published">Any</option>
            <option value="yes" [selected]="query().published === 'yes'">Published</option>
            <option value="no" [selected]="query().published === 'no'">Not published</option>
          </select>
        </div>
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">Apply filters</button>
      </form>
      <p>
        <a [routerLink]="[]" [queryParams]="{ status: 'not_engaged', published: 'no' }" data-testid="outreach-link"
          >Show the outreach list</a
        >
        &middot;
        <a [href]="exportUrl()" download data-testid="coverage-export">Download this list (CSV)</a>
      </p>

      <h2 data-testid="coverage-count">{{ countText() }}</h2>
      @if (page.items.length > 0) {
        <table class="nhsuk-table-responsive" data-testid="coverage-table">
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
            Registered locations
          </caption>
          <thead class="nhsuk-table__head">
            <tr>
              @if (access().canWrite) {
                <th scope="col"><span class="nhsuk-u-visually-hidden">Choose</span></th>
              }
              <th scope="col">Location</th>
              <th scope="col">Local authority</th>
              <th scope="col">Engagement</th>
              <th scope="col">DSPT status</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            @for (item of page.items; track item.cqcLocationId) {
              <tr class="nhsuk-table__row">
                @if (access().canWrite) {
                  <td class="nhsuk-table__cell">
                    @if (item.status === 'not_engaged' && item.odsCode) {
                      <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                        <div class="nhsuk-checkboxes__item">
                          <input
                            class="nhsuk-checkboxes__input"
                            type="checkbox"
                            [id]="'choose-' + item.cqcLocationId"
                            [checked]="chosen().has(item.cqcLocationId)"
                            (change)="toggle(item.cqcLocationId)"
                          />
                          <label class="nhsuk-label nhsuk-checkboxes__label" [for]="'choose-' + item.cqcLocationId">
                            <span class="nhsuk-u-visually-hidden">Choose {{ item.name }}</span>
                          </label>
                        </div>
                      </div>
                    }
                  </td>
                }
                <td class="nhsuk-table__cell">
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">Location </span>
                  <span>
                    {{ item.name }}<br />
                    <span class="nhsuk-body-s">CQC {{ item.cqcLocationId }} · ODS {{ item.odsCode ?? 'none' }}</span>
                  </span>
                </td>
                <td class="nhsuk-table__cell">
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">Local authority </span>
                  {{ item.localAuthority }}
                </td>
                <td class="nhsuk-table__cell">
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">Engagement </span>
                  <dspt-tag [colour]="statusLabels[item.status].colour">{{ statusLabels[item.status].label }}</dspt-tag>
                </td>
                <td class="nhsuk-table__cell">
                  <span class="nhsuk-table-responsive__heading" aria-hidden="true">DSPT status </span>
                  {{ dsptLabel(item.dsptStatus) }}
                </td>
              </tr>
            }
          </tbody>
        </table>
        @if (access().canWrite) {
          <button
            class="nhsuk-button"
            type="button"
            data-testid="claim-button"
            [disabled]="claiming()"
            (click)="claim()"
          >
            Add {{ chosen().size > 0 ? counted(chosen().size, 'chosen location') : 'chosen locations' }} to the caseload
          </button>
        }
        <dspt-pagination [page]="page.page" [pageCount]="pageCount()" label="Pages of locations" />
      } @else {
        <p data-testid="coverage-empty">
          No locations match. The list is empty until your local authorities are set and the CQC register is loaded.
        </p>
      }
    } @else {
      <dspt-loading-state what="coverage" [error]="coverage.error()" />
    }

    <h2>Local authorities</h2>
    @if (access().isAdmin) {
      <dspt-local-authorities-form [slug]="slug()" (changed)="coverage.reload()" />
    } @else {
      <p>Your LSP's admins set which local authorities it covers.</p>
    }
  `,
  styles: `
    @media (min-width: 641px) {
      .dspt-coverage-filters {
        display: flex;
        gap: 24px;
        align-items: flex-end;
      }
    }
  `,
})
export class CoveragePage {
  private readonly api = inject(CoverageApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  readonly slug = input.required<string>();

  protected readonly access = lspAccess(this.slug);
  protected readonly statusLabels = COVERAGE_STATUS_LABELS;
  protected readonly statusOptions = COVERAGE_STATUSES.map((value) => ({
    value,
    label: COVERAGE_STATUS_LABELS[value].label,
  }));
  protected readonly dsptLabel = dsptStatusLabel;
  protected readonly counted = counted;
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(queryFrom)), {
    initialValue: queryFrom(this.route.snapshot.queryParamMap),
  });
  protected readonly coverage = this.api.coverageResource(this.slug, this.query);
  protected readonly status = signal<string>('');
  protected readonly published = signal<string>('');
  protected readonly chosen = signal<ReadonlySet<string>>(new Set());
  protected readonly claiming = signal(false);
  protected readonly claims = signal(0);
  protected readonly added = signal<string | null>(null);
  protected readonly problems = new ActionProblems();

  protected readonly pageCount = computed(() =>
    this.coverage.hasValue() ? Math.max(1, Math.ceil(this.coverage.value().total / COVERAGE_PAGE_SIZE)) : 1,
  );
  protected readonly countText = computed(() => {
    const total = this.coverage.hasValue() ? this.coverage.value().total : 0;
    return `${counted(total, 'location')}`;
  });
  protected readonly exportUrl = computed(() =>
    this.api.exportUrl(this.slug(), { status: this.query().status, published: this.query().published }),
  );
  protected readonly summaryLines = computed(() => {
    if (!this.coverage.hasValue()) {
      return [];
    }
    const summary = this.coverage.value().summary;
    const line = (label: string, value: number, query: object | null = null) => ({
      label,
      value: wholeNumber.format(value),
      query,
    });
    return [
      line('Registered locations', summary.registered, {}),
      line('In this caseload', summary.inCaseload, { status: 'in_caseload' }),
      line("In another LSP's caseload", summary.elsewhere, { status: 'elsewhere' }),
      line('Not engaged', summary.notEngaged, { status: 'not_engaged' }),
      line('Published per the DSPT status list', summary.publishedPerList, { published: 'yes' }),
      line('Outreach list (not engaged, not published)', summary.outreach, { status: 'not_engaged', published: 'no' }),
    ];
  });

  protected applyFilters(event: Event): void {
    event.preventDefault();
    const status = this.status() || this.query().status;
    const published = this.published() || this.query().published;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { status: status || null, published: published || null, page: null },
    });
  }

  protected toggle(id: string): void {
    this.chosen.update((chosen) => {
      const next = new Set(chosen);
      if (!next.delete(id)) {
        next.add(id);
      }
      return next;
    });
  }

  protected async claim(): Promise<void> {
    this.problems.clear();
    const ids = [...this.chosen()];
    if (ids.length === 0) {
      this.problems.report(
        new ApiProblemError({ status: 400, message: 'Choose at least one location that is not engaged', details: [] }),
      );
      return;
    }
    this.claiming.set(true);
    try {
      const result = await this.api.claim(this.slug(), ids);
      this.chosen.set(new Set());
      this.added.set(`${counted(result.added.length, 'location')} added to the caseload.`);
      this.claims.update((count) => count + 1);
      this.coverage.reload();
    } catch (failure: unknown) {
      this.problems.report(failure);
    } finally {
      this.claiming.set(false);
    }
  }
}
