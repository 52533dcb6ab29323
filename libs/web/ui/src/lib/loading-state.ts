import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { apiProblemFrom } from '@dspt/web/core';

/**
 * What stands in for data not loaded yet: "Loading the case notes…", or why it could not be loaded.
 *
 * ```html
 * @if (notes.hasValue()) { ... } @else { <dspt-loading-state what="case notes" [error]="notes.error()" /> }
 * ```
 */
@Component({
  selector: 'dspt-loading-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as message) {
      <p class="nhsuk-error-message" data-testid="load-problem">The {{ what() }} could not be loaded. {{ message }}</p>
    } @else {
      <p>Loading the {{ what() }}…</p>
    }
  `,
})
export class LoadingState {
  /** What is loading, as in "Loading the ...". */
  readonly what = input.required<string>();
  readonly error = input<unknown>();

  protected readonly problem = computed(() => (this.error() ? apiProblemFrom(this.error()).message : null));
}
