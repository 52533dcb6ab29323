import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ForecastRow } from '@dspt/contracts';
import { meetsTarget } from '@dspt/domain';
import { formatPortalDate } from '@dspt/web/core';
import { ScrollRegion, SortButton } from '@dspt/web/ui';
import { sortRows } from './figures-sort';
import { HIDDEN_FIGURE, HIDDEN_FIGURES_NOTE, percent } from './figures-table';
import { SORTABLE_TABLE_STYLES, TableSort } from './table-sort';

type ForecastSortKey = 'label' | 'providers' | 'current' | 'projected' | 'low' | 'high';

const COLUMNS: ReadonlyArray<{ key: ForecastSortKey; heading: (deadline: string) => string }> = [
  { key: 'providers', heading: () => 'Providers' },
  { key: 'current', heading: () => 'Standards Met or above now' },
  { key: 'projected', heading: (deadline) => `Expected by ${deadline}` },
  { key: 'low', heading: () => 'Low' },
  { key: 'high', heading: () => 'High' },
];

/** A forecast's share as shown: hidden ([c]) when the group's share is hidden, as in the completion tables. */
function shown(row: ForecastRow, value: number | null): string {
  return row.current === null ? HIDDEN_FIGURE : percent(value);
}

/**
 * The forecast to the deadline, one table by region or LSP: the share now, the share expected by the
 * deadline at the current pace and its low–high band, and whether it reaches the target. Sortable like the
 * completion tables; stacks below the desktop width (each cell says its column).
 */
@Component({
  selector: 'dspt-forecast-section',
  imports: [ScrollRegion, SortButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: SORTABLE_TABLE_STYLES,
  template: `
    <section
      class="nhsuk-u-margin-bottom-8"
      [attr.aria-labelledby]="sectionId() + '-heading'"
      [attr.data-testid]="sectionId()"
    >
      <h3 [id]="sectionId() + '-heading'">{{ heading() }}</h3>
      <dspt-scroll-region [labelledBy]="sectionId() + '-caption'">
        <table
          class="nhsuk-table nhsuk-table--responsive nhsuk-table--compact dspt-figures-table"
          role="table"
          data-testid="forecast-table"
        >
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden" [id]="sectionId() + '-caption'">
            {{
              heading()
            }}: share at Standards Met or above now and expected by
            {{
              deadline()
            }}
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
              @for (column of columns; track column.key) {
                <th
                  scope="col"
                  class="nhsuk-table__header nhsuk-table__header--numeric"
                  role="columnheader"
                  [attr.aria-sort]="sorting.ariaSort(column.key)"
                >
                  <dspt-sort-button
                    [arrow]="sorting.arrow(column.key)"
                    (pressed)="sorting.by(column.key, headings()[$index])"
                  >
                    {{ headings()[$index] }}
                  </dspt-sort-button>
                </th>
              }
              <th scope="col" class="nhsuk-table__header" role="columnheader">{{ targetHeading() }}</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body" role="rowgroup">
            @for (line of lines(); track line.key) {
              <tr class="nhsuk-table__row" role="row">
                <th scope="row" class="nhsuk-table__header" role="rowheader">
                  <span class="nhsuk-table__heading" aria-hidden="true">{{ groupHeading() }} </span>{{ line.label }}
                </th>
                @for (cell of line.cells; track $index) {
                  <td class="nhsuk-table__cell nhsuk-table__cell--numeric" role="cell">
                    <span class="nhsuk-table__heading" aria-hidden="true">{{ headings()[$index] }} </span>{{ cell }}
                  </td>
                }
                <td class="nhsuk-table__cell" role="cell" [class.dspt-met]="line.reaches === 'Yes'">
                  <span class="nhsuk-table__heading" aria-hidden="true">{{ targetHeading() }} </span>{{ line.reaches }}
                </td>
              </tr>
            }
          </tbody>
          <tfoot class="nhsuk-table__body" role="rowgroup">
            <tr class="nhsuk-table__row dspt-total" role="row" data-testid="forecast-total-row">
              <th scope="row" class="nhsuk-table__header" role="rowheader">{{ totalLine().label }}</th>
              @for (cell of totalLine().cells; track $index) {
                <td class="nhsuk-table__cell nhsuk-table__cell--numeric" role="cell">
                  <span class="nhsuk-table__heading" aria-hidden="true">{{ headings()[$index] }} </span>{{ cell }}
                </td>
              }
              <td class="nhsuk-table__cell" role="cell">
                <span class="nhsuk-table__heading" aria-hidden="true">{{ targetHeading() }} </span>{{
                  totalLine().reaches
                }}
              </td>
            </tr>
          </tfoot>
        </table>
      </dspt-scroll-region>
      <p class="nhsuk-u-visually-hidden" role="status" data-testid="sort-announcement">{{ sorting.message() }}</p>
      @if (hasHidden()) {
        <p class="nhsuk-body-s" data-testid="hidden-figures-note">{{ hiddenNote }}</p>
      }
    </section>
  `,
})
export class ForecastSection {
  readonly heading = input.required<string>();
  readonly sectionId = input.required<string>();
  readonly groupHeading = input.required<string>();
  readonly rows = input.required<readonly ForecastRow[]>();
  readonly total = input.required<ForecastRow>();
  readonly target = input.required<number>();
  /** The deadline as a day (ISO), shown as "30 June 2027". */
  readonly deadlineDay = input.required<string>();

  protected readonly columns = COLUMNS;
  protected readonly hiddenNote = HIDDEN_FIGURES_NOTE;
  protected readonly sorting = new TableSort<ForecastSortKey>(() => this.heading());
  protected readonly deadline = computed(() => formatPortalDate(this.deadlineDay()));
  protected readonly headings = computed(() => COLUMNS.map((column) => column.heading(this.deadline())));
  protected readonly targetHeading = computed(() => `Expected to reach the ${percent(this.target())} target`);
  protected readonly lines = computed(() =>
    sortRows(this.rows(), this.sorting.sort(), (row, key) => (key === 'label' ? row.label : row[key])).map((row) =>
      this.line(row),
    ),
  );
  protected readonly totalLine = computed(() => this.line(this.total()));
  protected readonly hasHidden = computed(() => [...this.rows(), this.total()].some((row) => row.current === null));

  private line(row: ForecastRow) {
    return {
      key: row.key,
      label: row.label,
      cells: [
        row.providers === null ? HIDDEN_FIGURE : String(row.providers),
        shown(row, row.current),
        shown(row, row.projected),
        shown(row, row.low),
        shown(row, row.high),
      ],
      reaches: row.projected === null ? HIDDEN_FIGURE : meetsTarget(row.projected, this.target()) ? 'Yes' : 'No',
    };
  }
}
