import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { CompletionRow, CompletionStatistics, LspCompletionStatistics, StatsGrouping } from '@dspt/contracts';
import { membershipOf, AuthService } from '@dspt/web/auth';
import { LoadingState } from '@dspt/web/ui';
import { map } from 'rxjs';
import { CompletionSection } from './completion-section';
import { percent } from './figures-table';
import { StatisticsApi, type StatisticsScope } from './statistics.api';
import { BREAKDOWN_LABELS, StatisticsFilters } from './statistics-filters';
import { type StatisticsQuery, hasFilters, statisticsQueryFrom, statisticsQueryParams } from './statistics-query';
import { TrendSection } from './trend-section';

const GROUP_HEADINGS: Readonly<Record<StatsGrouping, string>> = {
  region: 'Region',
  tenant: 'LSP',
  serviceType: 'Type of service',
  sizeBand: 'Size',
  localAuthority: 'Local authority',
};

/**
 * `/statistics` (programme leads: every LSP, by region and by LSP) and `/lsp/:slug/statistics` (an LSP's
 * own providers, by local authority, with England's total beside them): DSPT completion in charts with a
 * table and CSV file each, a trend against last cycle, and filters held in the address.
 */
@Component({
  selector: 'dspt-statistics-page',
  imports: [CompletionSection, LoadingState, StatisticsFilters, TrendSection],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lspName(); as name) {
      <span class="nhsuk-caption-l">{{ name }}</span>
    }
    <h1>Statistics</h1>
    <p class="nhsuk-lede-text">
      {{
        isLsp() ? "How your LSP's providers stand on the DSPT" : 'How providers stand on the DSPT, across every LSP'
      }}: counts per status, the share at Standards Met or above against the programme's target, and last cycle at the
      same point.
    </p>

    @if (options.hasValue()) {
      <dspt-statistics-filters
        [query]="query()"
        [options]="options.value()"
        [byLsp]="!isLsp()"
        [canClear]="filtered()"
        (applied)="show($event)"
        (cleared)="clear()"
      />
    } @else {
      <dspt-loading-state what="filters" [error]="options.error()" />
    }

    @if (first.hasValue()) {
      @let answer = first.value();
      <div class="nhsuk-card nhsuk-card--feature" data-testid="statistics-summary">
        <div class="nhsuk-card__content nhsuk-card__content--feature">
          <h2 class="nhsuk-card__heading nhsuk-card__heading--feature">{{ answer.cycle }} cycle</h2>
          <p class="nhsuk-card__description" data-testid="summary-share">
            {{ answer.total.total }} providers: {{ share(answer.total) }} at Standards Met or above (target
            {{ target(answer) }}), {{ answer.daysToDeadline }} days before the deadline.
            @if (national(answer); as england) {
              England: {{ share(england) }} of {{ england.total }} providers.
            }
          </p>
          <p class="nhsuk-card__description" data-testid="previous-cycle">{{ answer.previousCycle.message }}</p>
        </div>
      </div>
      <dspt-completion-section
        [sectionId]="firstGrouping()"
        [heading]="'By ' + groupHeading(firstGrouping()).toLowerCase()"
        [groupHeading]="groupHeading(firstGrouping())"
        [rows]="answer.rows"
        [totalRows]="totals(answer)"
        [target]="answer.targetShare"
        [cycle]="answer.cycle"
        [chart]="true"
      />
    } @else {
      <dspt-loading-state what="statistics" [error]="first.error()" />
    }

    @if (second.hasValue()) {
      @let answer = second.value();
      <dspt-completion-section
        sectionId="tenant"
        heading="By LSP"
        groupHeading="LSP"
        [rows]="answer.rows"
        [totalRows]="[answer.total]"
        [target]="answer.targetShare"
        [cycle]="answer.cycle"
        [chart]="true"
      />
    }

    @if (trend.hasValue()) {
      <dspt-trend-section [trend]="trend.value()" />
    } @else {
      <dspt-loading-state what="trend" [error]="trend.error()" />
    }

    @if (breakdown.hasValue()) {
      @let answer = breakdown.value();
      <dspt-completion-section
        sectionId="breakdown"
        [heading]="'By ' + breakdownLabel().toLowerCase()"
        [groupHeading]="breakdownLabel()"
        [rows]="answer.rows"
        [totalRows]="totals(answer)"
        [target]="answer.targetShare"
        [cycle]="answer.cycle"
      />
    }
  `,
})
export class StatisticsPage {
  private readonly api = inject(StatisticsApi);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);

  /** The `:slug` route parameter, on an LSP's own page. */
  readonly slug = input<string>();

  protected readonly isLsp = computed(() => !!this.slug());
  protected readonly scope = computed<StatisticsScope>(() => {
    const slug = this.slug();
    return slug ? { kind: 'lsp', slug } : { kind: 'programme' };
  });
  protected readonly lspName = computed(() => {
    const user = this.auth.currentUser();
    const slug = this.slug();
    return slug && user ? (membershipOf(user, slug)?.tenant.name ?? slug) : null;
  });
  protected readonly query = toSignal(this.route.queryParamMap.pipe(map(statisticsQueryFrom)), {
    initialValue: statisticsQueryFrom(this.route.snapshot.queryParamMap),
  });
  protected readonly filtered = computed(() => hasFilters(this.query()));
  /** Programme leads: by region, then by LSP; an LSP: by local authority. */
  protected readonly firstGrouping = computed<StatsGrouping>(() => (this.isLsp() ? 'localAuthority' : 'region'));
  protected readonly breakdownLabel = computed(() => BREAKDOWN_LABELS[this.query().breakdown]);

  protected readonly options = this.api.optionsResource(this.scope);
  protected readonly first = this.api.completionResource(this.scope, this.query, this.firstGrouping);
  protected readonly second = this.api.completionResource(
    this.scope,
    this.query,
    computed(() => (this.isLsp() ? null : 'tenant')),
  );
  protected readonly trend = this.api.trendResource(this.scope, this.query);
  protected readonly breakdown = this.api.completionResource(
    this.scope,
    this.query,
    computed(() => this.query().breakdown),
  );

  protected groupHeading(grouping: StatsGrouping): string {
    return GROUP_HEADINGS[grouping];
  }

  protected share(row: CompletionRow): string {
    return percent(row.metOrAboveShare);
  }

  protected target(answer: CompletionStatistics): string {
    return percent(answer.targetShare);
  }

  protected national(answer: CompletionStatistics): CompletionRow | null {
    return 'national' in answer ? (answer as LspCompletionStatistics).national : null;
  }

  /** The foot of a table: every selected provider, and England beside an LSP's own. */
  protected totals(answer: CompletionStatistics): CompletionRow[] {
    const england = this.national(answer);
    return [
      { ...answer.total, label: this.isLsp() ? 'All your providers' : 'All providers' },
      ...(england ? [england] : []),
    ];
  }

  protected show(query: StatisticsQuery): void {
    this.router.navigate([], { relativeTo: this.route, queryParams: statisticsQueryParams(query) });
  }

  protected clear(): void {
    this.show(
      statisticsQueryFrom({
        get: (name: string) =>
          name === 'cycle' ? (this.query().cycle ?? null) : name === 'breakdown' ? this.query().breakdown : null,
      }),
    );
  }
}
