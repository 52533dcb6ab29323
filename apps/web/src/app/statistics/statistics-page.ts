import { ChangeDetectionStrategy, Component } from '@angular/core';

/** `/statistics` (programme leads): a placeholder until the statistics screens arrive. */
@Component({
  selector: 'dspt-statistics-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Statistics</h1>
        <p class="nhsuk-lede-text">
          Regional and national DSPT completion statistics for the Better Security, Better Care programme.
        </p>
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>Statistics come next: completion by region, LSP and type of service, with trends and CSV downloads.</p>
        </div>
      </div>
    </div>
  `,
})
export class StatisticsPage {}
