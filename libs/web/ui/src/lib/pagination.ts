import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';

/**
 * The page numbers a numbered pagination shows: the first, the last, and the current one with its
 * neighbours; `null` where pages are left out (shown as an ellipsis).
 */
export function paginationItems(current: number, pageCount: number): (number | null)[] {
  const shown = [...new Set([1, current - 1, current, current + 1, pageCount])]
    .filter((page) => page >= 1 && page <= pageCount)
    .sort((a, b) => a - b);
  const items: (number | null)[] = [];
  for (const page of shown) {
    const previous = items.at(-1);
    if (typeof previous === 'number' && page - previous === 2) {
      items.push(previous + 1);
    } else if (typeof previous === 'number' && page - previous > 2) {
      items.push(null);
    }
    items.push(page);
  }
  return items;
}

/**
 * NHS.UK numbered pagination whose links change only the `page` query parameter of the current
 * address, so filters and sorting stay as they are and Back goes to the previous page. Nothing shows
 * when everything fits on one page.
 */
@Component({
  selector: 'dspt-pagination',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (pageCount() > 1) {
      <nav class="nhsuk-pagination nhsuk-pagination--numbered" role="navigation" [attr.aria-label]="label()">
        @if (page() > 1) {
          <a
            class="nhsuk-pagination__previous"
            rel="prev"
            [routerLink]="[]"
            [queryParams]="{ page: page() - 1 }"
            queryParamsHandling="merge"
          >
            <svg
              class="nhsuk-icon nhsuk-icon--arrow-left"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 24 24"
              width="16"
              height="16"
              focusable="false"
              aria-hidden="true"
            >
              <path
                d="M10.7 6.3c.4.4.4 1 0 1.4L7.4 11H19a1 1 0 0 1 0 2H7.4l3.3 3.3c.4.4.4 1 0 1.4a1 1 0 0 1-1.4 0l-5-5A1 1 0 0 1 4 12c0-.3.1-.5.3-.7l5-5a1 1 0 0 1 1.4 0Z"
              />
            </svg>
            <span class="nhsuk-pagination__title">Previous<span class="nhsuk-u-visually-hidden"> page</span></span>
          </a>
        }
        <ul class="nhsuk-pagination__list">
          @for (item of items(); track $index) {
            @if (item === null) {
              <li class="nhsuk-pagination__item nhsuk-pagination__item--ellipsis">&ctdot;</li>
            } @else {
              <li class="nhsuk-pagination__item" [class.nhsuk-pagination__item--current]="item === page()">
                <a
                  class="nhsuk-pagination__link"
                  [routerLink]="[]"
                  [queryParams]="{ page: item }"
                  queryParamsHandling="merge"
                  [attr.aria-label]="'Page ' + item"
                  [attr.aria-current]="item === page() ? 'page' : null"
                  >{{ item }}</a
                >
              </li>
            }
          }
        </ul>
        @if (page() < pageCount()) {
          <a
            class="nhsuk-pagination__next"
            rel="next"
            [routerLink]="[]"
            [queryParams]="{ page: page() + 1 }"
            queryParamsHandling="merge"
          >
            <span class="nhsuk-pagination__title">Next<span class="nhsuk-u-visually-hidden"> page</span></span>
            <svg
              class="nhsuk-icon nhsuk-icon--arrow-right"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 24 24"
              width="16"
              height="16"
              focusable="false"
              aria-hidden="true"
            >
              <path
                d="m14.7 6.3 5 5c.2.2.3.4.3.7 0 .3-.1.5-.3.7l-5 5a1 1 0 0 1-1.4-1.4l3.3-3.3H5a1 1 0 0 1 0-2h11.6l-3.3-3.3a1 1 0 1 1 1.4-1.4Z"
              />
            </svg>
          </a>
        }
      </nav>
    }
  `,
})
export class Pagination {
  /** The current page, from 1. */
  readonly page = input.required<number>();
  readonly pageCount = input.required<number>();
  /** The navigation landmark's name, when a page has more than one list. */
  readonly label = input('Pagination');

  protected readonly items = computed(() => paginationItems(this.page(), this.pageCount()));
}
