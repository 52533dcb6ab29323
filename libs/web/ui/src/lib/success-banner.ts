import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NotificationBanner } from './notification-banner';

/**
 * A success banner saying what the user's last action did ("Your note was added."), announced as an
 * alert; nothing while `message` is null.
 */
@Component({
  selector: 'dspt-success-banner',
  imports: [NotificationBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as text) {
      <dspt-notification-banner variant="success">
        <p class="nhsuk-notification-banner__heading" [attr.data-testid]="testId()">{{ text }}</p>
      </dspt-notification-banner>
    }
  `,
})
export class SuccessBanner {
  readonly message = input.required<string | null>();
  /** For tests: the message's `data-testid`. */
  readonly testId = input('confirmation');
}
