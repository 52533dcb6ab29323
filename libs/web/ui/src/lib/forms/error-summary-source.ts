import type { Signal } from '@angular/core';

/** One line of an error summary: the message, and the id of the control it should take the user to. */
export interface ErrorSummaryItem {
  readonly message: string;
  readonly targetId?: string;
}

/**
 * What an error summary shows. `failures` counts failed attempts: each new failure moves focus to the
 * summary, so screen reader users hear what went wrong.
 */
export interface ErrorSummarySource {
  readonly summary: Signal<readonly ErrorSummaryItem[]>;
  readonly failures: Signal<number>;
}
