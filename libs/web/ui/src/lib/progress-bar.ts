import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

let nextId = 0;

/**
 * How far a long task has gone: a labelled `<progress>` with the figures beside it. Screen readers hear
 * the label and each tenth done through a polite status, not every change of the bar.
 *
 * ```html
 * <dspt-progress-bar label="Checking the rows" [percent]="40" detail="600 of 1,500 rows checked" />
 * ```
 */
@Component({
  selector: 'dspt-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    progress {
      display: block;
      box-sizing: border-box;
      width: 100%;
      max-width: 30rem;
      height: 1.5rem;
      margin-bottom: 0.5rem;
      appearance: none;
      border: 2px solid #4c6272;
      background: #ffffff;
      color: #005eb8;
    }
    progress::-webkit-progress-bar {
      background: #ffffff;
    }
    progress::-webkit-progress-value {
      background: #005eb8;
    }
    progress::-moz-progress-bar {
      background: #005eb8;
    }
  `,
  template: `
    <div class="nhsuk-form-group" [attr.data-testid]="testId()">
      <label class="nhsuk-label" [for]="barId">{{ label() }}</label>
      <progress [id]="barId" max="100" [value]="rounded()">{{ rounded() }}%</progress>
      <p class="nhsuk-body-s" data-testid="progress-detail">{{ rounded() }}% · {{ detail() }}</p>
      <p class="nhsuk-u-visually-hidden" role="status">{{ announcement() }}</p>
    </div>
  `,
})
export class ProgressBar {
  /** What is going on now ("Checking the rows"); it is also announced when it changes. */
  readonly label = input.required<string>();
  /** 0 to 100. */
  readonly percent = input.required<number>();
  /** The figures behind the percentage ("600 of 1,500 rows checked"). */
  readonly detail = input('');
  /** For tests: the group's `data-testid`. */
  readonly testId = input('progress');

  protected readonly barId = `dspt-progress-${nextId++}`;
  protected readonly rounded = computed(() => Math.min(100, Math.max(0, Math.floor(this.percent()))));
  protected readonly announcement = computed(() => `${this.label()}: ${Math.floor(this.rounded() / 10) * 10}% done`);
}
