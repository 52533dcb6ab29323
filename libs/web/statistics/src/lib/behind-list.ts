import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CompletionStatistics } from '@dspt/contracts';
import { furthestBehind } from '@dspt/domain';
import type { DrillDown } from './completion-section';
import { shownShare } from './figures-table';

/**
 * The groups furthest behind the target, lowest share first, each with the providers it still needs and a
 * link to the page narrowed down to it. Groups whose figures are hidden are left out.
 */
@Component({
  selector: 'dspt-behind-list',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3>{{ heading() }}</h3>
    <ol class="nhsuk-list nhsuk-list--number" [attr.data-testid]="testId()">
      @for (entry of entries(); track entry.row.key) {
        <li>
          <a class="nhsuk-link" routerLink="." [queryParams]="drillDown()(entry.row)">{{ entry.row.label }}</a>:
          {{ share(entry.row) }}, {{ entry.providersNeeded }} more
          {{ entry.providersNeeded === 1 ? 'provider' : 'providers' }} needed
        </li>
      } @empty {
        <li>None below the target that can be shown.</li>
      }
    </ol>
  `,
})
export class BehindList {
  readonly heading = input.required<string>();
  /** The groups' figures and the target. */
  readonly statistics = input.required<Pick<CompletionStatistics, 'rows' | 'targetShare'>>();
  readonly drillDown = input.required<DrillDown>();
  readonly testId = input.required<string>();

  protected readonly entries = computed(() => furthestBehind(this.statistics().rows, this.statistics().targetShare));
  protected readonly share = shownShare;
}
