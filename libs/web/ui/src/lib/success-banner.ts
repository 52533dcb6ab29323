import { ChangeDetectionStrategy, Component, ElementRef, afterRenderEffect, inject, input } from '@angular/core';
import { NotificationBanner } from './notification-banner';

/**
 * A success banner saying what the user's last action did ("Your note was added."), announced as an
 * alert; nothing while `message` is null. Each time it shows a message it takes focus and scrolls into
 * view (the NHS.UK notification banner pattern), so the user is not left on a button that may have gone
 * ("Mark as done") nor far below the news. A page that can say the same words twice running ("Your note
 * was added.") counts its confirmations in `occurrence`, so the second one takes focus too.
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
  /** Changes with each confirmation, for messages that can repeat. */
  readonly occurrence = input<number>(0);
  /** For tests: the message's `data-testid`. */
  readonly testId = input('confirmation');

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    let focused: { message: string; occurrence: number } | null = null;
    afterRenderEffect(() => {
      const message = this.message();
      const occurrence = this.occurrence();
      if (!message) {
        focused = null;
        return;
      }
      if (focused?.message === message && focused.occurrence === occurrence) {
        return;
      }
      focused = { message, occurrence };
      const banner = host.querySelector<HTMLElement>('.nhsuk-notification-banner');
      if (banner) {
        banner.setAttribute('tabindex', '-1');
        banner.scrollIntoView?.({ block: 'start' });
        banner.focus();
      }
    });
  }
}
