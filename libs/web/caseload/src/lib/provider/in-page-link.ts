import { DOCUMENT } from '@angular/common';
import { Directive, inject, input } from '@angular/core';

/**
 * A link to a part of the same page (`<a dsptInPageLink="tasks">`). A bare "#tasks" href resolves against
 * <base href="/"> and would reload the app at "/", so the click moves there itself: a closed NHS details
 * target is opened, and focus goes to the target so keyboard and screen reader users arrive with it.
 */
@Directive({
  selector: 'a[dsptInPageLink]',
  host: { '[attr.href]': "'#' + dsptInPageLink()", '(click)': 'go($event)' },
})
export class InPageLink {
  private readonly document = inject(DOCUMENT);

  readonly dsptInPageLink = input.required<string>();

  protected go(event: Event): void {
    const target = this.document.getElementById(this.dsptInPageLink());
    if (!target) {
      return;
    }
    event.preventDefault();
    if (target instanceof HTMLDetailsElement) {
      target.open = true;
    }
    const focusable = target instanceof HTMLDetailsElement ? (target.querySelector('summary') ?? target) : target;
    if (!focusable.hasAttribute('tabindex') && focusable.tagName !== 'SUMMARY') {
      focusable.setAttribute('tabindex', '-1');
    }
    focusable.scrollIntoView?.({ block: 'start' });
    focusable.focus();
  }
}
