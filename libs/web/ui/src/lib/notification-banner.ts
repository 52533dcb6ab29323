import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

let nextId = 0;

/**
 * NHS.UK notification banner. `success` confirms that something the user did worked (announced as an
 * alert); `important` tells them something they need to know. The projected content is its body.
 */
@Component({
  selector: 'dspt-notification-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="nhsuk-notification-banner"
      [class.nhsuk-notification-banner--success]="variant() === 'success'"
      [attr.role]="variant() === 'success' ? 'alert' : 'region'"
      [attr.aria-labelledby]="titleId"
    >
      <div class="nhsuk-notification-banner__header">
        <h2 class="nhsuk-notification-banner__title" [id]="titleId">{{ title() }}</h2>
      </div>
      <div class="nhsuk-notification-banner__content">
        <ng-content />
      </div>
    </div>
  `,
})
export class NotificationBanner {
  readonly variant = input<'success' | 'important'>('important');
  readonly heading = input<string>();

  protected readonly titleId = `dspt-notification-banner-title-${nextId++}`;
  protected readonly title = computed(() => this.heading() ?? (this.variant() === 'success' ? 'Success' : 'Important'));
}
