import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

/** NHS.UK skip link: the first thing keyboard users reach, it moves focus to the main content. */
@Component({
  selector: 'dspt-skip-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<a class="nhsuk-skip-link" [attr.href]="'#' + targetId()" (click)="skip($event)">Skip to main content</a>`,
})
export class SkipLink {
  private readonly document = inject(DOCUMENT);

  readonly targetId = input('maincontent');

  // A bare "#fragment" href resolves against <base href="/">, so following it on any other route would
  // reload the app at "/". Moving focus ourselves keeps the user on the page they are on.
  protected skip(event: Event): void {
    const target = this.document.getElementById(this.targetId());
    if (!target) {
      return;
    }
    event.preventDefault();
    target.setAttribute('tabindex', '-1');
    target.classList.add('nhsuk-skip-link-focused-element');
    target.addEventListener(
      'blur',
      () => {
        target.removeAttribute('tabindex');
        target.classList.remove('nhsuk-skip-link-focused-element');
      },
      { once: true },
    );
    target.focus();
  }
}
