import { DOCUMENT } from '@angular/common';
import { DestroyRef, Injectable, Injector, afterNextRender, inject } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { filter } from 'rxjs';

/** The address without its query and fragment: a change of filters or page is not a new page. */
function pathOf(url: string): string {
  return url.split(/[?#]/, 1)[0];
}

/**
 * Moves focus to the page's heading after each navigation to another page (signing in, opening a
 * provider, going back), as a page load would put a screen reader at the top of the page (WCAG 2.4.3).
 * Without it focus stays on the link that was followed, now gone, so on the page's body, and nothing is
 * said. The first page of a visit is left alone (the browser starts at the top, with the skip link), as
 * is a change of query only (filters, sorting, paging: those pages announce their own change), and a
 * page that already put focus somewhere in its content (an error summary, a confirmation).
 */
@Injectable({ providedIn: 'root' })
export class PageFocus {
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  start(): void {
    let previousPath: string | null = null;
    const subscription = this.router.events
      .pipe(filter((event): event is NavigationEnd => event instanceof NavigationEnd))
      .subscribe((event) => {
        const path = pathOf(event.urlAfterRedirects);
        const newPage = previousPath !== null && path !== previousPath;
        previousPath = path;
        if (newPage) {
          afterNextRender(() => this.focusHeading(), { injector: this.injector });
        }
      });
    this.destroyRef.onDestroy(() => subscription.unsubscribe());
  }

  private focusHeading(): void {
    const main = this.document.getElementById('maincontent') ?? this.document.querySelector('main');
    if (!main) {
      return;
    }
    const active = this.document.activeElement;
    if (active && active !== this.document.body && main.contains(active)) {
      return;
    }
    const target = main.querySelector<HTMLElement>('h1') ?? main;
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }
}
