import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** From the NHS.UK design system's tablet breakpoint up, filters have room to show beside each other. */
const ROOMY_SCREEN = '(min-width: 40.0625em)';

/**
 * A list's filters behind a "Filters" disclosure (NHS.UK details), open from tablet width up and
 * closed on a phone, where they would otherwise push the list a screen or more down. Filters in use
 * keep it open, so what narrows the list stays in sight.
 *
 * ```html
 * <dspt-collapsible-filters [inUse]="filtered()"><form role="search">…</form></dspt-collapsible-filters>
 * ```
 */
@Component({
  selector: 'dspt-collapsible-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-filters > .nhsuk-details__text {
      padding-bottom: 0;
    }
  `,
  template: `
    <details class="nhsuk-details dspt-filters" [open]="open()" data-testid="filters-disclosure">
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">{{ label() }}</span>
      </summary>
      <div class="nhsuk-details__text">
        <ng-content />
      </div>
    </details>
  `,
})
export class CollapsibleFilters {
  readonly label = input('Filters');
  /** Some filter is on: the disclosure starts open on any screen. */
  readonly inUse = input(false);

  /** The screen is read once; the attribute is only written when this changes, so a user's toggle stays. */
  private readonly roomy = typeof matchMedia === 'function' && matchMedia(ROOMY_SCREEN).matches;
  protected readonly open = computed(() => this.roomy || this.inUse());
}
