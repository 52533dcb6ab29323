import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { CompletionRow, CompletionStatistics, LspCompletionStatistics, StatsGrouping } from '@dspt/contracts';
import { membershipOf, AuthService } from '@dspt/web/auth';
import { providersToTarget, sharePointsChange } from '@dspt/domain';
import { formatPortalDate, wholeNumber } from '@dspt/web/core';
import { CollapsibleFilters, LoadingState } from '@dspt/web/ui';
import { map } from 'rxjs';
import { CompletionSection, type DrillDown } from './completion-section';
import { CoverageSection } from './coverage-section';
import { BehindList } from './behind-list';
import { HIDDEN_FIGURE, percent, shownFigure, shownShare } from './figures-table';
import { forecastHeadline, previousCycleSentence } from './forecast-headline';
import { ForecastSection } from './forecast-section';
import { statisticsAnnouncement } from './statistics-announcement';
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
  imports: [
    BehindList,
    CollapsibleFilters,
    CompletionSection,
    CoverageSection,
    ForecastSection,
    LoadingState,
    StatisticsFilters,
    TrendSection,
  ],
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
      <dspt-collapsible-filters [inUse]="filtered()">
        <dspt-statistics-filters
          [query]="query()"
          [options]="options.value()"
          [byLsp]="!isLsp()"
          [canClear]="filtered()"
          (applied)="show($event)"
          (cleared)="clear()"
        />
      </dspt-collapsible-filters>
    } @else {
      <dspt-loading-state what="filters" [error]="options.error()" />
    }

    <!-- Says the new figures after each change of filters (a polite live region, read when the user pauses). -->
    <p class="nhsuk-u-visually-hidden" role="status" data-testid="statistics-announcement">{{ announcement() }}</p>
    @if (first.hasValue()) {
      @let answer = first.value();
      <div class="nhsuk-card nhsuk-card--feature" data-testid="statistics-summary">
        <div class="nhsuk-card__content nhsuk-card__content--feature">
          <h2 class="nhsuk-card__heading nhsuk-card__heading--feature">{{ answer.cycle }} cycle</h2>
          <p class="nhsuk-card__description" data-testid="summary-share">
            {{ providers(answer.total) }} providers: {{ share(answer.total) }} at Standards Met or above (target
            {{ target(answer) }}), {{ answer.daysToDeadline }} days before the deadline.
            @if (national(answer); as england) {
              England: {{ share(england) }} of {{ providers(england) }} providers.
            }
          </p>
          <p class="nhsuk-card__description" data-testid="target-gap">{{ gap(answer) }}</p>
          @if (headlineForecast(answer); as sentence) {
            <p class="nhsuk-card__description" data-testid="forecast-headline">{{ sentence }}</p>
          }
          @if (againstLastCycle(answer); as comparison) {
            <p class="nhsuk-card__description" data-testid="against-last-cycle">{{ comparison }}</p>
          }
          <p class="nhsuk-card__description" data-testid="previous-cycle">
            {{ previousCycle(answer) }}
          </p>
        </div>
      </div>
      <section class="nhsuk-u-margin-bottom-6" aria-labelledby="behind-heading" data-testid="furthest-behind">
        <h2 id="behind-heading">Furthest behind the target</h2>
        <p>
          Lowest share at Standards Met or above first, with the providers each still needs to reach the
          {{ target(answer) }} target. Groups whose figures are hidden to protect providers are not ranked.
        </p>
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-one-half">
            <dspt-behind-list
              testId="behind-first"
              [heading]="isLsp() ? 'Local authorities' : 'Regions'"
              [statistics]="answer"
              [drillDown]="firstDrillDown()"
            />
          </div>
          @if (second.hasValue()) {
            <div class="nhsuk-grid-column-one-half">
              <dspt-behind-list
                heading="LSPs"
                testId="behind-tenant"
                [statistics]="second.value()"
                [drillDown]="lspDrillDown"
              />
            </div>
          }
        </div>
      </section>
      <dspt-completion-section
        [sectionId]="firstGrouping()"
        [heading]="'By ' + groupHeading(firstGrouping()).toLowerCase()"
        [groupHeading]="groupHeading(firstGrouping())"
        [rows]="answer.rows"
        [totalRows]="totals(answer)"
        [target]="answer.targetShare"
        [cycle]="answer.cycle"
        [chart]="true"
        [drillDown]="firstDrillDown()"
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
        [drillDown]="lspDrillDown"
      />
    }

    @if (forecastByRegion.hasValue() && forecastByLsp.hasValue()) {
      @let byRegion = forecastByRegion.value();
      @let byLsp = forecastByLsp.value();
      <section class="nhsuk-u-margin-bottom-6" aria-labelledby="forecast-heading" data-testid="forecast">
        <h2 id="forecast-heading">Forecast to {{ deadline(byRegion.deadline) }}</h2>
        <p>
          The share of the {{ byRegion.cycle }} cycle's providers expected at Standards Met or above by the deadline if
          each group keeps its pace against last cycle at the same days to the deadline, with a low to high range. For
          every provider: the filters above do not change it.
        </p>
        <dspt-forecast-section
          sectionId="forecast-region"
          heading="Forecast by region"
          groupHeading="Region"
          [rows]="byRegion.rows"
          [total]="byRegion.total"
          [target]="byRegion.target"
          [deadlineDay]="byRegion.deadline"
        />
        <dspt-forecast-section
          sectionId="forecast-tenant"
          heading="Forecast by LSP"
          groupHeading="LSP"
          [rows]="byLsp.rows"
          [total]="byLsp.total"
          [target]="byLsp.target"
          [deadlineDay]="byLsp.deadline"
        />
      </section>
    } @else if (!isLsp()) {
      <dspt-loading-state what="forecast" [error]="forecastByRegion.error() ?? forecastByLsp.error()" />
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

    @if (!isLsp()) {
      <h2 id="coverage">Coverage of the CQC register</h2>
      <p>
        Registered adult social care locations, the share in an LSP's caseload and the share published per the DSPT
        status list.
      </p>
      @if (coverageByRegion.hasValue() && coverageByTenant.hasValue()) {
        <dspt-coverage-section [coverage]="coverageByRegion.value()" caption="Coverage by region" />
        <dspt-coverage-section [coverage]="coverageByTenant.value()" caption="Coverage by LSP" />
      } @else {
        <dspt-loading-state what="coverage" [error]="coverageByRegion.error() ?? coverageByTenant.error()" />
      }
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
  protected readonly coverageByRegion = this.api.coverageResource(this.scope, 'region');
  protected readonly coverageByTenant = this.api.coverageResource(this.scope, 'tenant');
  protected readonly forecastByRegion = this.api.forecastResource(this.scope, 'region');
  protected readonly forecastByLsp = this.api.forecastResource(this.scope, 'tenant');
  protected readonly breakdown = this.api.completionResource(
    this.scope,
    this.query,
    computed(() => this.query().breakdown),
  );

  protected readonly announcement = computed(() => {
    if (!this.first.hasValue() || this.first.isLoading()) {
      return '';
    }
    const answer = this.first.value();
    const total = shownFigure(answer.total, 'total', answer.total.total, (n: number | null) =>
      n === null ? '' : wholeNumber.format(n),
    );
    return statisticsAnnouncement(total, this.query(), answer.cycle);
  });

  /** A region (or, on an LSP's page, a local authority) leads to the page filtered to it. */
  protected readonly firstDrillDown = computed<DrillDown>(() => {
    const query = this.query();
    return this.isLsp()
      ? (row) => statisticsQueryParams({ ...query, localAuthority: row.key })
      : (row) => statisticsQueryParams({ ...query, region: row.key as StatisticsQuery['region'] });
  });

  /** An LSP leads to the page filtered to it, broken down by type of service. */
  protected readonly lspDrillDown: DrillDown = (row) =>
    statisticsQueryParams({ ...this.query(), tenant: row.key, breakdown: 'serviceType' });

  /** The headline's gap: providers still needed at Standards Met or above to reach the target. */
  protected gap(answer: CompletionStatistics): string {
    const needed = providersToTarget(answer.total, answer.targetShare);
    const target = this.target(answer);
    if (needed === null) {
      return answer.total.total === 0
        ? `No providers, so no gap to the ${target} target.`
        : `Providers needed to reach the ${target} target: ${HIDDEN_FIGURE} (hidden to protect providers).`;
    }
    return needed === 0
      ? `The ${target} target is met.`
      : `To reach the ${target} target: ${wholeNumber.format(needed)} more ${needed === 1 ? 'provider' : 'providers'} at Standards Met or above.`;
  }

  /**
   * The forecast in the headline: only beside the figures it is about (every provider of the cycle it
   * forecasts), not beside filtered ones.
   */
  protected headlineForecast(answer: CompletionStatistics): string | null {
    if (this.isLsp() || this.filtered() || !this.forecastByRegion.hasValue()) {
      return null;
    }
    const forecast = this.forecastByRegion.value();
    return forecast.cycle === answer.cycle ? forecastHeadline(forecast) : null;
  }

  protected previousCycle(answer: CompletionStatistics): string {
    return previousCycleSentence(answer.previousCycle, answer.cycle);
  }

  protected deadline(day: string): string {
    return formatPortalDate(day);
  }

  /** This cycle's share against last cycle's at the same number of days before the deadline. */
  protected againstLastCycle(answer: CompletionStatistics): string | null {
    const then = answer.total.previous;
    if (!answer.previousCycle.available || !then || !answer.previousCycle.cycle) {
      return null;
    }
    const change = sharePointsChange(answer.total, then);
    const way =
      change === null
        ? ''
        : change === 0
          ? ', no change'
          : `, ${change > 0 ? 'up' : 'down'} ${Math.abs(change).toFixed(1)} percentage points`;
    return `Last cycle at the same point: ${this.share({ ...answer.total, ...then })} at Standards Met or above (now ${this.share(answer.total)}${way}).`;
  }

  protected groupHeading(grouping: StatsGrouping): string {
    return GROUP_HEADINGS[grouping];
  }

  protected readonly share = shownShare;

  protected providers(row: CompletionRow): string {
    return shownFigure(row, 'total', row.total, String);
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
    void this.router.navigate([], { relativeTo: this.route, queryParams: statisticsQueryParams(query) });
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
