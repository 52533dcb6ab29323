import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { CompletionRow } from '@dspt/contracts';
import { barChartSummary, stackedBarOptions } from './chart-options';
import { csvFileName, csvText, downloadCsv } from './csv-file';
import { figuresHeadings, figuresLine, type FiguresLine, lineCells } from './figures-table';
import { StatsChart } from './stats-chart';

/**
 * One grouping of the completion statistics: a stacked bar chart (when `chart`), the table with every
 * figure, and the same table as a CSV file. The table's foot holds the totals (and England's, on an
 * LSP's own page).
 */
@Component({
  selector: 'dspt-completion-section',
  imports: [StatsChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-met {
      color: #007f3b;
      font-weight: 600;
    }
    .dspt-total th,
    .dspt-total td {
      font-weight: 600;
    }
  `,
  template: `
    <section
      class="nhsuk-u-margin-bottom-8"
      [attr.aria-labelledby]="sectionId() + '-heading'"
      [attr.data-testid]="sectionId()"
    >
      <h2 [id]="sectionId() + '-heading'">{{ heading() }}</h2>
      @if (chart() && rows().length > 0) {
        <dspt-stats-chart [options]="chartOptions()" [summary]="summary()" [height]="chartHeight()" />
      }
      <div class="nhsuk-scroll">
        <div class="nhsuk-scroll__content" role="region" [attr.aria-labelledby]="sectionId() + '-caption'" tabindex="0">
          <table class="nhsuk-table" data-testid="figures-table">
            <caption class="nhsuk-table__caption nhsuk-u-visually-hidden" [id]="sectionId() + '-caption'">
              {{
                heading()
              }}: providers by status
            </caption>
            <thead class="nhsuk-table__head">
              <tr class="nhsuk-table__row">
                <th scope="col" class="nhsuk-table__header">{{ groupHeading() }}</th>
                @for (heading of headings(); track heading) {
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">{{ heading }}</th>
                }
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              @for (line of lines(); track line.label) {
                <tr class="nhsuk-table__row">
                  <th scope="row" class="nhsuk-table__header">{{ line.label }}</th>
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ line.total }}</td>
                  @for (count of line.counts; track $index) {
                    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ count }}</td>
                  }
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric" [class.dspt-met]="line.meetsTarget">
                    {{ line.share }}
                  </td>
                  <td class="nhsuk-table__cell">{{ line.meetsTarget ? 'Yes' : 'No' }}</td>
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ line.median }}</td>
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ line.previousShare }}</td>
                </tr>
              } @empty {
                <tr class="nhsuk-table__row">
                  <td class="nhsuk-table__cell" [attr.colspan]="headings().length + 1">
                    No providers match these filters.
                  </td>
                </tr>
              }
            </tbody>
            <tfoot>
              @for (line of totals(); track line.label) {
                <tr class="nhsuk-table__row dspt-total" data-testid="total-row">
                  <th scope="row" class="nhsuk-table__header">{{ line.label }}</th>
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ line.total }}</td>
                  @for (count of line.counts; track $index) {
                    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ count }}</td>
                  }
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ line.share }}</td>
                  <td class="nhsuk-table__cell">{{ line.meetsTarget ? 'Yes' : 'No' }}</td>
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ line.median }}</td>
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{{ line.previousShare }}</td>
                </tr>
              }
            </tfoot>
          </table>
        </div>
      </div>
      <button type="button" class="nhsuk-button nhsuk-button--secondary" (click)="download()">
        Download this table (CSV)<span class="nhsuk-u-visually-hidden">: {{ heading() }}</span>
      </button>
    </section>
  `,
})
export class CompletionSection {
  private readonly document = inject(DOCUMENT);

  readonly heading = input.required<string>();
  readonly sectionId = input.required<string>();
  /** The first column's heading: Region, LSP, ... */
  readonly groupHeading = input.required<string>();
  readonly rows = input.required<readonly CompletionRow[]>();
  /** Total rows for the foot: all selected providers (and, on an LSP's page, England). */
  readonly totalRows = input.required<readonly CompletionRow[]>();
  readonly target = input.required<number>();
  readonly cycle = input.required<string>();
  readonly chart = input(false);

  protected readonly headings = computed(() => figuresHeadings(this.target()));
  protected readonly lines = computed(() => this.rows().map((row) => figuresLine(row, this.target())));
  protected readonly totals = computed(() => this.totalRows().map((row) => figuresLine(row, this.target())));
  protected readonly chartOptions = computed(() => stackedBarOptions(this.rows()));
  protected readonly summary = computed(() => barChartSummary(this.heading(), this.rows()));
  protected readonly chartHeight = computed(() => Math.max(240, 96 + this.rows().length * 30));

  protected download(): void {
    const lines: FiguresLine[] = [...this.lines(), ...this.totals()];
    const text = csvText([[this.groupHeading(), ...this.headings()], ...lines.map(lineCells)]);
    downloadCsv(csvFileName(this.heading(), this.cycle()), text, this.document);
  }
}
