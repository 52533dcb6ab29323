import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';
import type { Params } from '@angular/router';

const KEY = 'dspt.caseload-return';

/**
 * The caseload's address last shown in each LSP (its view, filters, sort and page), so "Back to the
 * caseload" on a provider page returns to the list the user left, even after a reload of that page.
 * Kept for the browser tab only (sessionStorage); nothing in it is secret (it is the address bar's).
 */
@Injectable({ providedIn: 'root' })
export class CaseloadReturn {
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage ?? null;

  remember(slug: string, params: Params): void {
    try {
      this.storage?.setItem(KEY, JSON.stringify({ ...this.all(), [slug]: params }));
    } catch {
      // Storage full or refused: the back link then opens the caseload as it starts.
    }
  }

  /** The query to go back to the LSP's caseload with (none if the user has not seen it in this tab). */
  paramsFor(slug: string): Params {
    return this.all()[slug] ?? {};
  }

  private all(): Record<string, Params> {
    try {
      const saved: unknown = JSON.parse(this.storage?.getItem(KEY) ?? '{}');
      return saved && typeof saved === 'object' ? (saved as Record<string, Params>) : {};
    } catch {
      return {};
    }
  }
}
