import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type Params, RouterLink } from '@angular/router';
import type { CompletionRow } from '@dspt/contracts';
import { ScrollRegion, SortButton } from '@dspt/web/ui';
import { barChartSummary, stackedBarOptions } from './chart-options';
import { csvFileName, csvText, downloadCsv } from './csv-file';
import { COLUMN_SORT_KEYS, type FiguresSortKey, sortFigures } from './figures-sort';
import {
  figureCells,
  figuresHeadings,
  figuresLine,
  type FiguresLine,
  HIDDEN_FIGURES_NOTE,
  lineCells,
} from './figures-table';
import { StatsChart } from './stats-chart';
import { SORTABLE_TABLE_STYLES, TableSort } from './table-sort';

/** Where a group's name leads: the same page with filters that narrow it down to the group. */
export type DrillDown = (row: CompletionRow) => Params | null;

/**
 * One grouping of the completion statistics: a stacked bar chart (when `chart`), the table with every
 * figure, and the same table as a CSV file. The table's foot holds the totals (and England's, on an
 * LSP's own page). Column headers sort the table (aria-sort, and the new order is announced); with
 * `drillDown`, each group's name is a link that filters the page to it. Below the desktop width the
 * table stacks (NHS.UK responsive table): each cell says its column.
 */
@Component({
  selector: 'dspt-completion-section',
  imports: [RouterLink, ScrollRegion, SortButton, StatsChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: SORTABLE_TABLE_STYLES,
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
      <dspt-scroll-region [labelledBy]="sectionId() + '-caption'">
        <table
          class="nhsuk-table nhsuk-table--responsive nhsuk-table--compact dspt-figures-table"
          role="table"
          data-testid="figures-table"
        >
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden" [id]="sectionId() + '-caption'">
            {{
              heading()
            }}: providers by status
          </caption>
          <thead class="nhsuk-table__head" role="rowgroup">
            <tr class="nhsuk-table__row" role="row">
              <th
                scope="col"
                class="nhsuk-table__header"
                role="columnheader"
                [attr.aria-sort]="sorting.ariaSort('label')"
              >
                <dspt-sort-button [arrow]="sorting.arrow('label')" (pressed)="sorting.by('label', groupHeading())">
                  {{ groupHeading() }}
                </dspt-sort-button>
              </th>
              @for (heading of headings(); track heading; let index = $index) {
                @let key = sortKeys[index];
                <th
                  scope="col"
                  class="nhsuk-table__header nhsuk-table__header--numeric"
                  role="columnheader"
                  [attr.aria-sort]="key ? sorting.ariaSort(key) : null"
                >
                  @if (key) {
                    <dspt-sort-button [arrow]="sorting.arrow(key)" (pressed)="sorting.by(key, heading)">
                      {{ heading }}
                    </dspt-sort-button>
                  } @else {
                    {{ heading }}
                  }
                </th>
              }
            </tr>
          </thead>
          <tbody class="nhsuk-table__body" role="rowgroup">
            @for (line of lines(); track line.label) {
              <tr class="nhsuk-table__row" role="row">
                <th scope="row" class="nhsuk-table__header" role="rowheader">
                  <span class="nhsuk-table__heading" aria-hidden="true">{{ groupHeading() }} </span>
                  @if (line.link; as params) {
                    <a class="nhsuk-link" routerLink="." [queryParams]="params" data-testid="drill-down">{{
                      line.label
                    }}</a>
                  } @else {
                    <span>{{ line.label }}</span>
                  }
                </th>
                @for (cell of line.cells; track $index) {
                  <td
                    class="nhsuk-table__cell"
                    role="cell"
                    [class.nhsuk-table__cell--numeric]="cell.numeric"
                    [class.dspt-met]="cell.met"
                  >
                    <span class="nhsuk-table__heading" aria-hidden="true">{{ headings()[$index] }} </span>{{
                      cell.text
                    }}
                  </td>
                }
              </tr>
            } @empty {
              <tr class="nhsuk-table__row" role="row">
                <td class="nhsuk-table__cell" role="cell" [attr.colspan]="headings().length + 1">
                  No providers match these filters.
                </td>
              </tr>
            }
          </tbody>
          <tfoot class="nhsuk-table__body" role="rowgroup">
            @for (line of totals(); track line.label) {
              <tr class="nhsuk-table__row dspt-total" role="row" data-testid="total-row">
                <th scope="row" class="nhsuk-table__header" role="rowheader">{{ line.label }}</th>
                @for (cell of line.cells; track $index) {
                  <td class="nhsuk-table__cell" role="cell" [class.nhsuk-table__cell--numeric]="cell.numeric">
                    <span class="nhsuk-table__heading" aria-hidden="true">{{ headings()[$index] }} </span>{{
                      cell.text
                    }}
                  </td>
                }
              </tr>
            }
          </tfoot>
        </table>
      </dspt-scroll-region>
      <p class="nhsuk-u-visually-hidden" role="status" data-testid="sort-announcement">{{ sorting.message() }}</p>
      @if (hasHidden()) {
        <p class="nhsuk-body-s" data-testid="hidden-figures-note">{{ hiddenNote }}</p>
      }
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
  /** Where each group's name leads (filters narrowing the page to it); none: names are plain text. */
  readonly drillDown = input<DrillDown | null>(null);

  protected readonly sortKeys = COLUMN_SORT_KEYS;
  protected readonly sorting = new TableSort<FiguresSortKey>(() => this.heading());
  protected readonly headings = computed(() => figuresHeadings(this.target()));
  protected readonly lines = computed(() =>
    sortFigures(this.rows(), this.sorting.sort()).map((row) => {
      const line = figuresLine(row, this.target());
      return { ...line, cells: figureCells(line), link: this.drillDown()?.(row) ?? null };
    }),
  );
  protected readonly totals = computed(() =>
    this.totalRows().map((row) => {
      const line = figuresLine(row, this.target());
      return { ...line, cells: figureCells(line) };
    }),
  );
  protected readonly hasHidden = computed(() => [...this.lines(), ...this.totals()].some((line) => line.hasHidden));
  protected readonly hiddenNote = HIDDEN_FIGURES_NOTE;
  protected readonly chartOptions = computed(() => stackedBarOptions(this.rows()));
  protected readonly summary = computed(() => barChartSummary(this.heading(), this.rows()));
  protected readonly chartHeight = computed(() => Math.max(240, 96 + this.rows().length * 30));

  protected download(): void {
    const lines: FiguresLine[] = [...this.lines(), ...this.totals()];
    const note = this.hasHidden() ? [[HIDDEN_FIGURES_NOTE]] : [];
    const text = csvText([[this.groupHeading(), ...this.headings()], ...lines.map(lineCells), ...note]);
    downloadCsv(csvFileName(this.heading(), this.cycle()), text, this.document);
  }
}
