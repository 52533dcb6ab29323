import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { CompletionTrend } from '@dspt/contracts';
import { PortalDatePipe } from '@dspt/web/core';
import { trendOptions } from './chart-options';
import { csvFileName, csvText, downloadCsv } from './csv-file';
import { HIDDEN_FIGURE, HIDDEN_FIGURES_NOTE, percent, shownFigure } from './figures-table';
import { StatsChart } from './stats-chart';
import { TREND_HEADINGS, trendCells, trendLines } from './trend-table';
import { ResponsiveTable, ScrollRegion } from '@dspt/web/ui';

/** The share at Standards Met or above day by day, against last cycle and the target: chart, table and CSV. */
@Component({
  selector: 'dspt-trend-section',
  imports: [PortalDatePipe, ResponsiveTable, ScrollRegion, StatsChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="nhsuk-u-margin-bottom-8" aria-labelledby="trend-heading" data-testid="trend">
      <h2 id="trend-heading">Trend against last cycle</h2>
      <p>
        Share of providers at Standards Met or above, from the daily snapshots, by days before each cycle's deadline.
        @if (!trend().previous) {
          There is no earlier cycle to compare with.
        }
      </p>
      @if (lines().length > 0) {
        <dspt-stats-chart [options]="options()" [summary]="summary()" />
      } @else {
        <p>No snapshots have been taken for this cycle yet: the first is taken at the end of the day.</p>
      }
      <details class="nhsuk-details">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text">Trend figures as a table</span>
        </summary>
        <div class="nhsuk-details__text">
          <dspt-scroll-region labelledBy="trend-caption">
            <table class="nhsuk-table" dsptResponsiveTable data-testid="trend-table">
              <caption class="nhsuk-table__caption" id="trend-caption">
                Standards Met or above by days before the deadline
              </caption>
              <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                  @for (heading of headings; track heading) {
                    <th scope="col" class="nhsuk-table__header">{{ heading }}</th>
                  }
                </tr>
              </thead>
              <tbody class="nhsuk-table__body">
                @for (line of lines(); track line.daysToDeadline) {
                  <tr class="nhsuk-table__row">
                    <th scope="row" class="nhsuk-table__header">{{ line.daysToDeadline }}</th>
                    <td class="nhsuk-table__cell">{{ (line.day | portalDate) || line.day }}</td>
                    <td class="nhsuk-table__cell">{{ line.share }}</td>
                    <td class="nhsuk-table__cell">{{ (line.previousDay | portalDate) || line.previousDay }}</td>
                    <td class="nhsuk-table__cell">{{ line.previousShare }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </dspt-scroll-region>
        </div>
      </details>
      @if (hasHidden()) {
        <p class="nhsuk-body-s" data-testid="hidden-figures-note">{{ hiddenNote }}</p>
      }
      <button type="button" class="nhsuk-button nhsuk-button--secondary" (click)="download()">
        Download this table (CSV)<span class="nhsuk-u-visually-hidden">: trend against last cycle</span>
      </button>
    </section>
  `,
})
export class TrendSection {
  private readonly document = inject(DOCUMENT);

  readonly trend = input.required<CompletionTrend>();

  protected readonly headings = TREND_HEADINGS;
  protected readonly lines = computed(() => trendLines(this.trend()));
  protected readonly options = computed(() => trendOptions(this.trend()));
  protected readonly hasHidden = computed(() =>
    this.lines().some((line) => line.share === HIDDEN_FIGURE || line.previousShare === HIDDEN_FIGURE),
  );
  protected readonly hiddenNote = HIDDEN_FIGURES_NOTE;
  protected readonly summary = computed(() => {
    const last = this.trend().current.points.at(-1);
    const target = percent(this.trend().targetShare);
    return last
      ? `Line chart: ${shownFigure(last, 'metOrAboveShare', last.metOrAboveShare, percent)} of providers at Standards Met or above ${last.daysToDeadline} days before the deadline, against a target of ${target}, with last cycle's line for comparison. The table that follows has every figure.`
      : `Line chart: no snapshots yet. Target ${target}.`;
  });

  protected download(): void {
    downloadCsv(
      csvFileName('Trend against last cycle', this.trend().current.cycle),
      csvText([this.headings, ...this.lines().map(trendCells), ...(this.hasHidden() ? [[HIDDEN_FIGURES_NOTE]] : [])]),
      this.document,
    );
  }
}
