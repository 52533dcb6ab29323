import { Directive, ElementRef, afterNextRender, inject } from '@angular/core';

/**
 * Moves focus to this element (usually a heading) when it appears, so keyboard and screen reader users
 * follow a change of step within a page. The element can take focus from script but is not a tab stop.
 */
@Directive({
  selector: '[dsptFocusOnRender]',
  host: { tabindex: '-1' },
})
export class FocusOnRender {
  constructor() {
    const element = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => element.focus());
  }
}
