import { ChangeDetectionStrategy, Component, computed, input, model, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CaseloadItem, CaseloadSort, SortDirection } from '@dspt/contracts';
import { PROVIDER_STATUS_COLOURS, PROVIDER_STATUS_LABELS, PortalDatePipe } from '@dspt/web/core';
import { ResponsiveTable, ScrollRegion, SortButton, Tag } from '@dspt/web/ui';

interface Column {
  label: string;
  sort?: CaseloadSort;
}

const COLUMNS: readonly Column[] = [
  { label: 'Provider', sort: 'name' },
  { label: 'ODS code' },
  { label: 'Status' },
  { label: 'Progress', sort: 'progress' },
  { label: 'Priority', sort: 'priority' },
  { label: 'Next task' },
  { label: 'Adviser' },
  { label: 'Last contact', sort: 'lastContact' },
];

/**
 * One page of the caseload. Sortable columns have a button in their header (the sorted one carries
 * `aria-sort`); the table only asks for a sort, the page changes the address. With `selectable`, each
 * row has a checkbox for bulk actions, and the header one selects the whole page.
 */
@Component({
  selector: 'dspt-caseload-table',
  imports: [PortalDatePipe, ResponsiveTable, RouterLink, ScrollRegion, SortButton, Tag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-checkbox-cell {
      width: 44px;
    }
    .dspt-checkbox-cell .nhsuk-checkboxes__item {
      margin-bottom: 0;
    }
    .dspt-priority-details {
      margin-bottom: 0;
    }
    .dspt-priority-details .nhsuk-details__text {
      padding: 8px 0 0 16px;
    }
    .dspt-priority-parts {
      margin: 0;
    }
  `,
  template: `
    <dspt-scroll-region labelledBy="caseload-caption">
      <table
        class="nhsuk-table"
        dsptResponsiveTable
        data-testid="caseload-table"
        [attr.aria-busy]="busy() ? 'true' : null"
      >
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden" id="caseload-caption">
          Providers, sorted by
          {{
            sortedLabel()
          }}
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            @if (selectable()) {
              <td class="nhsuk-table__header dspt-checkbox-cell">
                <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                  <div class="nhsuk-checkboxes__item">
                    <input
                      class="nhsuk-checkboxes__input"
                      id="select-all"
                      type="checkbox"
                      [checked]="allSelected()"
                      (change)="selectAll($any($event.target).checked)"
                    />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for="select-all">
                      <span class="nhsuk-u-visually-hidden">Select every provider on this page</span>
                    </label>
                  </div>
                </div>
              </td>
            }
            @for (column of columns; track column.label) {
              <th class="nhsuk-table__header" scope="col" [attr.aria-sort]="ariaSort(column)">
                @if (column.sort; as sortKey) {
                  <dspt-sort-button [arrow]="arrow(column)" (pressed)="sortBy.emit(sortKey)">
                    {{ column.label }}
                  </dspt-sort-button>
                } @else {
                  {{ column.label }}
                }
              </th>
            }
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (item of items(); track item.id) {
            <tr class="nhsuk-table__row" [attr.data-testid]="'caseload-row-' + item.odsCode">
              @if (selectable()) {
                <td class="nhsuk-table__cell dspt-checkbox-cell">
                  <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                    <div class="nhsuk-checkboxes__item">
                      <input
                        class="nhsuk-checkboxes__input"
                        type="checkbox"
                        [id]="'select-' + item.id"
                        [checked]="selected().includes(item.id)"
                        (change)="toggle(item.id, $any($event.target).checked)"
                      />
                      <label class="nhsuk-label nhsuk-checkboxes__label" [for]="'select-' + item.id">
                        <span class="nhsuk-u-visually-hidden">Select {{ item.name }}</span>
                      </label>
                    </div>
                  </div>
                </td>
              }
              <td class="nhsuk-table__cell">
                <a [routerLink]="['/lsp', slug(), 'providers', item.id]" data-testid="provider-link">{{ item.name }}</a>
              </td>
              <td class="nhsuk-table__cell">{{ item.odsCode }}</td>
              <td class="nhsuk-table__cell">
                <dspt-tag [colour]="statusColours[item.status]">{{ statusLabels[item.status] }}</dspt-tag>
              </td>
              <td class="nhsuk-table__cell">
                {{ item.progress.completed }} of {{ item.progress.total }}
                <span class="nhsuk-u-visually-hidden"> mandatory items completed</span>
              </td>
              <td class="nhsuk-table__cell" data-testid="priority">
                <!-- The parts on demand: the score alone reads as a number with no why. -->
                <details class="nhsuk-details dspt-priority-details">
                  <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">
                      {{ item.priority.score
                      }}<span class="nhsuk-u-visually-hidden"> points for {{ item.name }}: why</span>
                    </span>
                  </summary>
                  <div class="nhsuk-details__text">
                    <ul class="nhsuk-list nhsuk-body-s dspt-priority-parts" data-testid="priority-parts">
                      @for (part of item.priority.parts; track $index) {
                        <li>{{ part.reason }}: {{ pointsText(part.points) }}</li>
                      }
                    </ul>
                  </div>
                </details>
              </td>
              <td class="nhsuk-table__cell" data-testid="next-task">
                @if (item.nextTask; as task) {
                  {{ task.title }}<br />
                  <span class="nhsuk-body-s"
                    >due <time [attr.datetime]="task.dueOn">{{ task.dueOn | portalDate }}</time></span
                  >
                } @else {
                  None
                }
              </td>
              <td class="nhsuk-table__cell">{{ item.assignedAdviser?.displayName ?? 'Unassigned' }}</td>
              <td class="nhsuk-table__cell">
                @if (item.lastContactAt) {
                  <time [attr.datetime]="item.lastContactAt">{{ item.lastContactAt | portalDate }}</time>
                } @else {
                  Never
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </dspt-scroll-region>
  `,
})
export class CaseloadTable {
  readonly slug = input.required<string>();
  readonly items = input.required<readonly CaseloadItem[]>();
  readonly sort = input.required<CaseloadSort>();
  readonly direction = input.required<SortDirection>();
  readonly selectable = input(false);
  /** A new page is being fetched. */
  readonly busy = input(false);
  /** Ids of the rows ticked. */
  readonly selected = model<readonly string[]>([]);
  readonly sortBy = output<CaseloadSort>();

  protected readonly columns = COLUMNS;
  protected readonly statusLabels = PROVIDER_STATUS_LABELS;
  protected readonly statusColours = PROVIDER_STATUS_COLOURS;
  protected readonly allSelected = computed(
    () => this.items().length > 0 && this.items().every((item) => this.selected().includes(item.id)),
  );
  protected readonly sortedLabel = computed(() => {
    const column = COLUMNS.find((candidate) => candidate.sort === this.sort());
    return `${column?.label.toLowerCase()}, ${this.direction() === 'asc' ? 'ascending' : 'descending'}`;
  });

  protected ariaSort(column: Column): 'ascending' | 'descending' | null {
    if (!column.sort || column.sort !== this.sort()) {
      return null;
    }
    return this.direction() === 'asc' ? 'ascending' : 'descending';
  }

  protected arrow(column: Column): string {
    const sorted = this.ariaSort(column);
    return sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '';
  }

  protected pointsText(points: number): string {
    return `${points > 0 ? '+' : ''}${points} ${points === 1 ? 'point' : 'points'}`;
  }

  protected toggle(id: string, checked: boolean): void {
    this.selected.update((ids) => (checked ? [...ids, id] : ids.filter((selectedId) => selectedId !== id)));
  }

  protected selectAll(checked: boolean): void {
    this.selected.set(checked ? this.items().map((item) => item.id) : []);
  }
}
