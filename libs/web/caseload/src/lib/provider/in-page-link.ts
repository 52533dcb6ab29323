import { DOCUMENT } from '@angular/common';
import { DestroyRef, Directive, inject, input } from '@angular/core';

/** How long a link waits for a section still being drawn (deferred until the browser is idle). */
const WAIT_FOR_SECTION_MS = 10_000;

/**
 * A link to a part of the same page (`<a dsptInPageLink="tasks">`). A bare "#tasks" href resolves against
 * <base href="/"> and would reload the app at "/", so the click moves there itself: a closed NHS details
 * target is opened, and focus goes to the target so keyboard and screen reader users arrive with it. A
 * section not drawn yet (the provider page draws its lower sections when the browser is idle) is gone
 * to as soon as it appears.
 */
@Directive({
  selector: 'a[dsptInPageLink]',
  host: { '[attr.href]': "'#' + dsptInPageLink()", '(click)': 'go($event)' },
})
export class InPageLink {
  private readonly document = inject(DOCUMENT);
  private waiting?: () => void;

  readonly dsptInPageLink = input.required<string>();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.waiting?.());
  }

  protected go(event: Event): void {
    event.preventDefault();
    this.waiting?.();
    const id = this.dsptInPageLink();
    const target = this.document.getElementById(id);
    if (target) {
      arrive(target);
      return;
    }
    const observer = new MutationObserver(() => {
      const drawn = this.document.getElementById(id);
      if (drawn) {
        this.waiting?.();
        arrive(drawn);
      }
    });
    const timer = setTimeout(() => this.waiting?.(), WAIT_FOR_SECTION_MS);
    this.waiting = () => {
      observer.disconnect();
      clearTimeout(timer);
      this.waiting = undefined;
    };
    observer.observe(this.document.body, { childList: true, subtree: true });
  }
}

function arrive(target: HTMLElement): void {
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
