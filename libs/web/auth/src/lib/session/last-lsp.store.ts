import { Injectable, signal } from '@angular/core';

const STORAGE_KEY = 'dspt.lastLsp';

/** The slug of the LSP the user last worked in, kept in localStorage so "/" can take them back there. */
@Injectable({ providedIn: 'root' })
export class LastLspStore {
  private readonly slug = signal<string | null>(read());

  readonly lastUsed = this.slug.asReadonly();

  remember(slug: string): void {
    if (slug === this.slug()) {
      return;
    }
    this.slug.set(slug);
    try {
      localStorage.setItem(STORAGE_KEY, slug);
    } catch {
      // Storage may be disabled; the choice then lasts for this visit only.
    }
  }
}

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}
