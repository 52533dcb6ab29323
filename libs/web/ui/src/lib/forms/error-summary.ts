import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type ElementRef,
  afterRenderEffect,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import type { ErrorSummaryItem, ErrorSummarySource } from './error-summary-source';

const TITLE_PREFIX = 'Error: ';

/**
 * NHS.UK error summary, for the top of the page. It takes focus each time the source reports a new
 * failure, prefixes the page title with "Error: " while it shows, and its links move focus to the
 * control with the error.
 */
@Component({
  selector: 'dspt-error-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (source().summary().length > 0) {
      <div class="nhsuk-error-summary" tabindex="-1" data-testid="error-summary" #box>
        <div role="alert">
          <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
          <div class="nhsuk-error-summary__body">
            <ul class="nhsuk-list nhsuk-error-summary__list">
              @for (item of source().summary(); track $index) {
                <li>
                  @if (item.targetId) {
                    <a [attr.href]="'#' + item.targetId" (click)="goTo($event, item)">{{ item.message }}</a>
                  } @else {
                    {{ item.message }}
                  }
                </li>
              }
            </ul>
          </div>
        </div>
      </div>
    }
  `,
})
export class ErrorSummary {
  private readonly document = inject(DOCUMENT);
  private readonly title = inject(Title);
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');

  readonly source = input.required<ErrorSummarySource>();

  constructor() {
    let focusedFailure = 0;
    afterRenderEffect(() => {
      const failures = this.source().failures();
      const showing = this.source().summary().length > 0;
      this.setTitlePrefix(showing);
      const box = this.box();
      if (showing && box && failures !== focusedFailure) {
        focusedFailure = failures;
        box.nativeElement.scrollIntoView?.({ block: 'start' });
        box.nativeElement.focus();
      }
    });
    inject(DestroyRef).onDestroy(() => this.setTitlePrefix(false));
  }

  // A bare "#id" href resolves against <base href="/">, so following it would leave the page.
  protected goTo(event: Event, item: ErrorSummaryItem): void {
    const target = item.targetId ? this.document.getElementById(item.targetId) : null;
    if (!target) {
      return;
    }
    event.preventDefault();
    // A group of controls (a date's day, month and year) is reached through its first wrong box.
    const control = target.matches('input, select, textarea, button, a[href], [tabindex]')
      ? target
      : (target.querySelector<HTMLElement>('[aria-invalid="true"], input, select, textarea') ?? target);
    control.scrollIntoView?.({ block: 'center' });
    control.focus();
  }

  private setTitlePrefix(on: boolean): void {
    const current = this.title.getTitle();
    if (on && !current.startsWith(TITLE_PREFIX)) {
      this.title.setTitle(TITLE_PREFIX + current);
    } else if (!on && current.startsWith(TITLE_PREFIX)) {
      this.title.setTitle(current.slice(TITLE_PREFIX.length));
    }
  }
}
