import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';
import { type HeaderLink, headerLinkCurrent } from './header-link';

/**
 * NHS.UK header with the NHS logo and the service name, both linking to the home page. With a `userName`
 * it has an account area (the name, `accountLinks`, and a "Sign out" button that emits `signOut`); with
 * `navigation` links, a navigation bar that marks the current page (`aria-current="page"`) or the link
 * whose section the page is in (`aria-current="true"`, see `HeaderLink.section`).
 */
@Component({
  selector: 'dspt-header',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="nhsuk-header" role="banner">
      <div class="nhsuk-header__container nhsuk-width-container">
        <div class="nhsuk-header__service">
          <a class="nhsuk-header__service-logo" routerLink="/" [attr.aria-label]="homeLinkLabel()">
            <svg
              class="nhsuk-header__logo"
              xmlns="http://www.w3.org/2000/svg"
              viewBox="0 0 200 80"
              height="40"
              width="100"
              focusable="false"
              role="img"
              aria-label="NHS"
            >
              <title>NHS</title>
              <path
                fill="currentcolor"
                d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z"
              />
            </svg>
            <span class="nhsuk-header__service-name">{{ serviceName() }}</span>
          </a>
        </div>
        @if (userName(); as name) {
          <nav class="nhsuk-header__account" aria-label="Account">
            <ul class="nhsuk-header__account-list">
              <li class="nhsuk-header__account-item" data-testid="user-name">
                <svg
                  class="nhsuk-icon nhsuk-icon--user"
                  xmlns="http://www.w3.org/2000/svg"
                  viewBox="0 0 24 24"
                  width="16"
                  height="16"
                  focusable="false"
                  aria-hidden="true"
                >
                  <path
                    d="M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z"
                  />
                </svg>
                <span class="nhsuk-u-visually-hidden">Signed in as </span>{{ name }}
              </li>
              @for (link of accountLinks(); track link.path) {
                <li class="nhsuk-header__account-item">
                  <a class="nhsuk-header__account-link" [routerLink]="link.path">{{ link.text }}</a>
                </li>
              }
              <li class="nhsuk-header__account-item">
                <button class="nhsuk-header__account-button" type="button" (click)="signOut.emit()">Sign out</button>
              </li>
            </ul>
          </nav>
        }
      </div>
      @if (navigation().length > 0) {
        <nav class="nhsuk-header__navigation" aria-label="Menu">
          <div class="nhsuk-header__navigation-container nhsuk-width-container">
            <ul class="nhsuk-header__navigation-list">
              @for (item of navigationItems(); track item.link.path) {
                @if (item.link.external) {
                  <li class="nhsuk-header__navigation-item">
                    <a class="nhsuk-header__navigation-link" [href]="item.link.path">{{ item.link.text }}</a>
                  </li>
                } @else {
                  <li
                    class="nhsuk-header__navigation-item"
                    [class.nhsuk-header__navigation-item--current]="item.current"
                  >
                    <a
                      class="nhsuk-header__navigation-link"
                      [routerLink]="item.link.path"
                      [attr.aria-current]="item.current"
                    >
                      @if (item.current) {
                        <strong class="nhsuk-header__navigation-item-current-fallback">{{ item.link.text }}</strong>
                      } @else {
                        {{ item.link.text }}
                      }
                    </a>
                  </li>
                }
              }
            </ul>
          </div>
        </nav>
      }
    </header>
  `,
})
export class Header {
  readonly serviceName = input.required<string>();
  /** The signed-in user's name; without it the header has no account area. */
  readonly userName = input<string | null>(null);
  readonly accountLinks = input<readonly HeaderLink[]>([]);
  readonly navigation = input<readonly HeaderLink[]>([]);
  readonly signOut = output<void>();

  protected readonly homeLinkLabel = computed(() => `NHS ${this.serviceName()} homepage`);

  private readonly router = inject(Router);
  private readonly path = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => this.pathOf(event.urlAfterRedirects)),
    ),
    { initialValue: this.pathOf(this.router.url) },
  );
  protected readonly navigationItems = computed(() =>
    this.navigation().map((link) => ({ link, current: headerLinkCurrent(link, this.path()) })),
  );

  /** The address's path alone: no query, fragment or matrix parameters. */
  private pathOf(url: string): string {
    const segments = this.router.parseUrl(url).root.children['primary']?.segments ?? [];
    return `/${segments.map((segment) => segment.path).join('/')}`;
  }
}
