import { Injectable } from '@angular/core';

/** What was done, and which section of the provider page says so. */
export interface ProviderNews {
  message: string;
  section: 'summary' | 'contacts';
}

/**
 * What a page that leads back to a provider's page did there ("Contact added: Pat Okafor"), for that
 * page's success banner. Said once: the provider page takes it when it opens.
 */
@Injectable({ providedIn: 'root' })
export class ProviderNotice {
  private pending: (ProviderNews & { providerId: string }) | null = null;

  tell(providerId: string, message: string, section: ProviderNews['section'] = 'contacts'): void {
    this.pending = { providerId, message, section };
  }

  /** The news left for this provider, once; null when there is none. */
  take(providerId: string): ProviderNews | null {
    const pending = this.pending;
    this.pending = null;
    return pending?.providerId === providerId ? { message: pending.message, section: pending.section } : null;
  }
}
