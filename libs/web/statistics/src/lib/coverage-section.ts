import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CoverageStatistics } from '@dspt/contracts';
import { wholeNumber } from '@dspt/web/core';

const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });

/**
 * Coverage of the CQC register for programme leads: per region or LSP, the registered adult social care
 * locations, the share an LSP has in its caseload and the share published per the DSPT status list.
 */
@Component({
  selector: 'dspt-coverage-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="nhsuk-table-responsive" [attr.data-testid]="'coverage-' + coverage().groupBy">
      <caption class="nhsuk-table__caption">
        {{
          caption()
        }}
      </caption>
      <thead class="nhsuk-table__head">
        <tr>
          <th scope="col">{{ coverage().groupBy === 'region' ? 'Region' : 'LSP' }}</th>
          <th scope="col" class="nhsuk-table__header--numeric">Registered locations</th>
          <th scope="col" class="nhsuk-table__header--numeric">In an LSP caseload</th>
          <th scope="col" class="nhsuk-table__header--numeric">Published per the DSPT list</th>
        </tr>
      </thead>
      <tbody class="nhsuk-table__body">
        @for (group of coverage().groups; track group.key) {
          <tr class="nhsuk-table__row">
            <td class="nhsuk-table__cell">
              <span class="nhsuk-table-responsive__heading" aria-hidden="true"
                >{{ coverage().groupBy === 'region' ? 'Region' : 'LSP' }}
              </span>
              {{ group.label }}
            </td>
            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
              <span class="nhsuk-table-responsive__heading" aria-hidden="true">Registered locations </span>
              {{ number(group.registered) }}
            </td>
            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
              <span class="nhsuk-table-responsive__heading" aria-hidden="true">In an LSP caseload </span>
              {{ share(group.engagedShare) }} ({{ number(group.engaged) }})
            </td>
            <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
              <span class="nhsuk-table-responsive__heading" aria-hidden="true">Published per the DSPT list </span>
              {{ share(group.publishedShare) }} ({{ number(group.published) }})
            </td>
          </tr>
        } @empty {
          <tr class="nhsuk-table__row">
            <td class="nhsuk-table__cell" colspan="4">No registered locations yet: the CQC register is not loaded.</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class CoverageSection {
  readonly coverage = input.required<CoverageStatistics>();
  readonly caption = input.required<string>();

  protected number(value: number): string {
    return wholeNumber.format(value);
  }

  protected share(value: number | null): string {
    return value === null ? 'none registered' : percent.format(value);
  }
}
