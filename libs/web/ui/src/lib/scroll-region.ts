import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The NHS.UK scroll container for a table wider than a phone: it scrolls sideways on its own, and as a
 * focusable region named by the table's caption a keyboard can scroll it too.
 *
 * ```html
 * <dspt-scroll-region labelledBy="caseload-caption"><table class="nhsuk-table">…</table></dspt-scroll-region>
 * ```
 */
@Component({
  selector: 'dspt-scroll-region',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
  `,
  template: `
    <div class="nhsuk-scroll">
      <div class="nhsuk-scroll__content" role="region" [attr.aria-labelledby]="labelledBy()" tabindex="0">
        <ng-content />
      </div>
    </div>
  `,
})
export class ScrollRegion {
  /** The id of what names the region: the table's caption. */
  readonly labelledBy = input.required<string>();
}
