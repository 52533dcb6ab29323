import { type ResourceRef, effect } from '@angular/core';
import type { EmailMessageList } from '@dspt/contracts';

/** How often a delivery log with queued emails asks again. */
export const QUEUED_RELOAD_MS = 3_000;

/**
 * Reloads a delivery log every few seconds while it lists an email still queued, so the adviser sees it
 * turn to sent (or failed) without reloading the page. Call in an injection context; it stops with the
 * component.
 */
export function reloadWhileQueued(log: ResourceRef<EmailMessageList | undefined>, intervalMs = QUEUED_RELOAD_MS): void {
  effect((onCleanup) => {
    if (log.isLoading() || !log.hasValue()) {
      return;
    }
    if (!log.value().items.some((message) => message.status === 'queued')) {
      return;
    }
    const timer = setTimeout(() => log.reload(), intervalMs);
    onCleanup(() => clearTimeout(timer));
  });
}
