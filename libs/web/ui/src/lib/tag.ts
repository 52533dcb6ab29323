import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { TagColour } from './tag-colour';

/** NHS.UK tag, for a short status such as "Up" or "Down". The projected content is its text. */
@Component({
  selector: 'dspt-tag',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<strong [class]="classes()"><ng-content /></strong>`,
})
export class Tag {
  readonly colour = input<TagColour>();

  protected readonly classes = computed(() => {
    const colour = this.colour();
    return colour ? `nhsuk-tag nhsuk-tag--${colour}` : 'nhsuk-tag';
  });
}
