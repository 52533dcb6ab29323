import { Injectable, computed, effect, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import type { MembershipSummary } from '@dspt/contracts';
import { filter, map } from 'rxjs';
import { AuthService } from './auth.service';
import { membershipOf } from './current-user-access';
import { LastLspStore } from './last-lsp.store';

const LSP_PATH = /^\/lsp\/([^/?#]+)/;

/** The LSP in the address bar (`/lsp/{slug}/...`), if any. */
export function lspSlugIn(url: string): string | null {
  const match = LSP_PATH.exec(url);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * The LSP the user is working in: the one in the address, else the one they used last, else their first.
 * Opening one of their LSPs makes it the last used.
 */
@Injectable({ providedIn: 'root' })
export class LspContext {
  private readonly auth = inject(AuthService);
  private readonly lastLsp = inject(LastLspStore);
  private readonly router = inject(Router);
  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );
  private readonly slugInUrl = computed(() => lspSlugIn(this.url()));

  readonly current = computed<MembershipSummary | null>(() => {
    const user = this.auth.currentUser();
    if (!user) {
      return null;
    }
    return (
      membershipOf(user, this.slugInUrl()) ?? membershipOf(user, this.lastLsp.lastUsed()) ?? user.memberships[0] ?? null
    );
  });

  constructor() {
    effect(() => {
      const current = this.current();
      if (current && current.tenant.slug === this.slugInUrl()) {
        this.lastLsp.remember(current.tenant.slug);
      }
    });
  }
}
