import { ChangeDetectionStrategy, Component } from '@angular/core';

/** NHS.UK footer; the projected content goes in its meta area (for example a `<p class="nhsuk-body-s">`). */
@Component({
  selector: 'dspt-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer class="nhsuk-footer" role="contentinfo">
      <div class="nhsuk-width-container">
        <div class="nhsuk-footer__meta">
          <ng-content />
        </div>
      </div>
    </footer>
  `,
})
export class Footer {}
