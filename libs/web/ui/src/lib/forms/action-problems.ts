import { computed, signal } from '@angular/core';
import { apiProblemFrom } from '@dspt/web/core';
import type { ErrorSummaryItem, ErrorSummarySource } from './error-summary-source';

/**
 * Errors of actions that are not a form (a button in a table row): `report` the failure of an API call and
 * show this in a `dspt-error-summary`.
 */
export class ActionProblems implements ErrorSummarySource {
  private readonly messages = signal<readonly string[]>([]);
  private readonly failureCount = signal(0);

  readonly failures = this.failureCount.asReadonly();
  readonly summary = computed<readonly ErrorSummaryItem[]>(() => this.messages().map((message) => ({ message })));

  report(failure: unknown): void {
    this.messages.set([apiProblemFrom(failure).message]);
    this.failureCount.update((count) => count + 1);
  }

  clear(): void {
    this.messages.set([]);
  }
}
