import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * The buttons that end a list's filter form: "Apply filters" submits the form it sits in, and "Clear
 * filters" shows only while some filter is on.
 */
@Component({
  selector: 'dspt-filter-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="nhsuk-button-group">
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">Apply filters</button>
      @if (canClear()) {
        <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="cleared.emit()">
          Clear filters
        </button>
      }
    </div>
  `,
})
export class FilterActions {
  /** Some filter is on. */
  readonly canClear = input(false);
  readonly cleared = output<void>();
}
