import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { ActionProblems, ErrorSummary, SuccessBanner } from '@dspt/web/ui';
import { CoverageApi } from '../api/coverage.api';

/**
 * The local authorities an LSP covers, one per line, for its admins (on the coverage page) and system
 * admins (on the LSP's page). Saving replaces the list.
 */
@Component({
  selector: 'dspt-local-authorities-form',
  imports: [ErrorSummary, SuccessBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="problems" />
    <dspt-success-banner [message]="saved()" [occurrence]="saves()" testId="local-authorities-saved" />
    <form (submit)="save($event)" data-testid="local-authorities-form">
      <div class="nhsuk-form-group">
        <label class="nhsuk-label" [for]="id()">Local authorities covered</label>
        <div class="nhsuk-hint" [id]="id() + '-hint'">
          One on each line, spelt as the CQC register spells them (for example, Leeds or County Durham)
        </div>
        <textarea
          class="nhsuk-textarea"
          [id]="id()"
          name="localAuthorities"
          rows="6"
          [attr.aria-describedby]="id() + '-hint'"
          [value]="text()"
          (input)="text.set($any($event.target).value)"
        ></textarea>
      </div>
      <button class="nhsuk-button nhsuk-button--secondary" type="submit" [disabled]="saving()">
        Save local authorities
      </button>
    </form>
  `,
})
export class LocalAuthoritiesForm {
  private readonly api = inject(CoverageApi);

  readonly slug = input.required<string>();
  readonly id = input('local-authorities');
  /** The list after each save. */
  readonly changed = output<string[]>();

  protected readonly current = this.api.localAuthoritiesResource(this.slug);
  protected readonly text = signal('');
  protected readonly saving = signal(false);
  protected readonly saves = signal(0);
  protected readonly saved = computed(() => (this.saves() > 0 ? 'The local authorities were saved.' : null));
  protected readonly problems = new ActionProblems();

  constructor() {
    effect(() => {
      const value = this.current.hasValue() ? this.current.value() : null;
      if (value) {
        this.text.set(value.localAuthorities.join('\n'));
      }
    });
  }

  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    this.saving.set(true);
    this.problems.clear();
    try {
      const names = this.text().split('\n');
      const result = await this.api.saveLocalAuthorities(this.slug(), names);
      this.text.set(result.localAuthorities.join('\n'));
      this.saves.update((count) => count + 1);
      this.changed.emit(result.localAuthorities);
    } catch (failure: unknown) {
      this.problems.report(failure);
    } finally {
      this.saving.set(false);
    }
  }
}
