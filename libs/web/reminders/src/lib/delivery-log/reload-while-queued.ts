import { type ResourceRef, effect } from '@angular/core';
import type { EmailMessageList } from '@dspt/contracts';

/** How long a delivery log with queued emails waits before asking again the first time. */
export const QUEUED_RELOAD_MS = 3_000;
/** The longest wait between two asks: each wait doubles up to this, while an email stays queued. */
export const QUEUED_RELOAD_MAX_MS = 30_000;

/** The wait before the next ask, after `asked` asks that still found an email queued. */
export function queuedReloadDelay(asked: number, firstMs = QUEUED_RELOAD_MS): number {
  return Math.min(firstMs * 2 ** asked, QUEUED_RELOAD_MAX_MS);
}

export interface QueuedReload {
  /** A new email was queued: ask soon again (the wait starts from the first one). */
  restart(): void;
}

/**
 * Reloads a delivery log while it lists an email still queued, waiting longer each time (a bounded
 * backoff: 3 s, 6 s, 12 s, then every 30 s), so the adviser sees it turn to sent (or failed) without
 * reloading the page and a stuck email does not keep the browser busy. Stops once none is queued. Call in
 * an injection context; it stops with the component.
 */
export function reloadWhileQueued(
  log: ResourceRef<EmailMessageList | undefined>,
  intervalMs = QUEUED_RELOAD_MS,
): QueuedReload {
  let asked = 0;
  effect((onCleanup) => {
    if (log.isLoading() || !log.hasValue()) {
      return;
    }
    if (!log.value().items.some((message) => message.status === 'queued')) {
      asked = 0;
      return;
    }
    const timer = setTimeout(
      () => {
        asked += 1;
        log.reload();
      },
      queuedReloadDelay(asked, intervalMs),
    );
    onCleanup(() => clearTimeout(timer));
  });
  return {
    restart: () => {
      asked = 0;
    },
  };
}
