import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type ActivatedRouteSnapshot, NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { AuthService, LspContext } from '@dspt/web/auth';
import { SERVICE_NAME } from '@dspt/web/core';
import { Footer, Header, SkipLink } from '@dspt/web/ui';
import { LspSwitcher } from './shell/lsp-switcher';
import { accountLinksFor, navigationFor } from './shell/navigation-for';

/** The page frame: skip link, header with the user's menu, the LSP being worked in, and the footer. */
@Component({
  selector: 'dspt-root',
  imports: [Footer, Header, LspSwitcher, RouterLink, RouterOutlet, SkipLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-skip-link />
    <dspt-header
      [serviceName]="serviceName"
      [userName]="user()?.user?.displayName ?? null"
      [accountLinks]="accountLinks()"
      [navigation]="navigation()"
      (signOut)="signOut()"
    />
    <div [class]="fullWidth() ? 'nhsuk-width-container-fluid' : 'nhsuk-width-container'">
      @if (lsp(); as current) {
        <dspt-lsp-switcher [current]="current" [memberships]="user()?.memberships ?? []" />
      }
      <main class="nhsuk-main-wrapper" id="maincontent">
        <router-outlet />
      </main>
    </div>
    <dspt-footer>
      <p class="nhsuk-body-s">For Local Support Partners of the Better Security, Better Care programme.</p>
      <p class="nhsuk-body-s"><a routerLink="/status">Service status</a></p>
    </dspt-footer>
  `,
})
export class App {
  private readonly auth = inject(AuthService);
  private readonly lspContext = inject(LspContext);
  private readonly router = inject(Router);

  protected readonly serviceName = SERVICE_NAME;
  protected readonly user = this.auth.currentUser;
  protected readonly lsp = this.lspContext.current;
  protected readonly navigation = computed(() => navigationFor(this.user(), this.lsp()));
  protected readonly accountLinks = computed(() => accountLinksFor(this.user()));
  /** Data-heavy pages (route data `fullWidth`) use the NHS.UK fluid container: the whole window's width. */
  protected readonly fullWidth = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => wantsFullWidth(this.router.routerState.snapshot.root)),
    ),
    { initialValue: false },
  );

  protected async signOut(): Promise<void> {
    try {
      await this.auth.signOut();
    } finally {
      // Signed out here even if the API could not be told; its session then expires on its own.
      await this.router.navigateByUrl('/sign-in');
    }
  }
}

function wantsFullWidth(route: ActivatedRouteSnapshot): boolean {
  let deepest = route;
  while (deepest.firstChild) {
    deepest = deepest.firstChild;
  }
  return deepest.data['fullWidth'] === true;
}
