import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * The button in a sortable table column's header: it looks like a link and ends in an arrow for the column's
 * order. The header itself carries `aria-sort`; the arrow is hidden from assistive technology.
 */
@Component({
  selector: 'dspt-sort-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-sort-button {
      display: inline-flex;
      gap: 0.25em;
      align-items: baseline;
      margin: 0;
      padding: 0;
      border: 0;
      background: none;
      color: var(--nhsuk-link-colour, #005eb8);
      font: inherit;
      font-weight: 600;
      text-align: inherit;
      text-decoration: underline;
      cursor: pointer;
    }
    .dspt-sort-button:hover {
      text-decoration-thickness: 3px;
    }
    .dspt-sort-button:focus-visible {
      outline: 4px solid transparent;
      background-color: #ffeb3b;
      box-shadow:
        0 -2px #ffeb3b,
        0 4px #212b32;
      color: #212b32;
      text-decoration: none;
    }
    .dspt-sort-arrow {
      font-size: 0.8em;
    }
  `,
  template: `
    <button type="button" class="dspt-sort-button" (click)="pressed.emit()">
      <ng-content /><span class="dspt-sort-arrow" aria-hidden="true">{{ arrow() }}</span>
    </button>
  `,
})
export class SortButton {
  /** The column's order as an arrow, or what the table shows for a column it is not sorted by. */
  readonly arrow = input.required<string>();
  readonly pressed = output<void>();
}
