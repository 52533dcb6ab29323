import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormField, form, pattern, required } from '@angular/forms/signals';
import { RouterLink } from '@angular/router';
import type { CycleSummary } from '@dspt/contracts';
import { cycleForDate } from '@dspt/domain';
import { PortalDatePipe, londonToday } from '@dspt/web/core';
import {
  DateField,
  ErrorSummary,
  FormDirective,
  FormSubmission,
  LoadingState,
  SuccessBanner,
  Tag,
  TextField,
  realDate,
} from '@dspt/web/ui';
import { CyclesApi } from './cycles.api';

interface NewCycle {
  code: string;
  deadline: string;
}

const EMPTY: NewCycle = { code: '', deadline: '' };

/** `/admin/cycles` (system admins): the DSPT years, and adding the next one. */
@Component({
  selector: 'dspt-cycles-page',
  imports: [
    DateField,
    ErrorSummary,
    FormDirective,
    FormField,
    LoadingState,
    PortalDatePipe,
    RouterLink,
    SuccessBanner,
    Tag,
    TextField,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <dspt-success-banner [message]="confirmation()" />
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h1>Assessment cycles</h1>
        <p class="nhsuk-lede-text">
          Each DSPT year runs from 1 July to its deadline. Open a cycle to move its deadline or import its question set.
        </p>
        @if (today(); as day) {
          <p data-testid="current-cycle">
            Today is in the {{ currentCode(day) }} cycle.
            @if (chosen(); as code) {
              A system admin made {{ code }} the current cycle.
            }
          </p>
        }
      </div>
    </div>

    @if (cycles.hasValue()) {
      <table class="nhsuk-table nhsuk-table--responsive" role="table" data-testid="cycles-table">
        <caption class="nhsuk-table__caption nhsuk-table__caption--m">
          {{
            cycles.value().items.length
          }}
          cycles
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Cycle</th>
            <th class="nhsuk-table__header" scope="col">Starts</th>
            <th class="nhsuk-table__header" scope="col">Deadline</th>
            <th class="nhsuk-table__header" scope="col">Questions</th>
            <th class="nhsuk-table__header" scope="col">Status</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (cycle of cycles.value().items; track cycle.code) {
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">
                <span class="nhsuk-table__heading" aria-hidden="true">Cycle </span>
                <a [routerLink]="['/admin/cycles', cycle.code]">{{ cycle.code }}</a>
              </td>
              <td class="nhsuk-table__cell">
                <span class="nhsuk-table__heading" aria-hidden="true">Starts </span>{{ cycle.startsOn | portalDate }}
              </td>
              <td class="nhsuk-table__cell">
                <span class="nhsuk-table__heading" aria-hidden="true">Deadline </span>{{ cycle.deadline | portalDate }}
              </td>
              <td class="nhsuk-table__cell">
                <span class="nhsuk-table__heading" aria-hidden="true">Questions </span>{{ cycle.questions }} ({{
                  cycle.mandatory
                }}
                mandatory)
              </td>
              <td class="nhsuk-table__cell">
                <span class="nhsuk-table__heading" aria-hidden="true">Status </span>
                @if (cycle.current) {
                  <dspt-tag colour="blue">Current</dspt-tag>
                }
                @if (cycle.inUse) {
                  <dspt-tag colour="green">In use</dspt-tag>
                } @else if (cycle.questions === 0) {
                  <dspt-tag colour="yellow">No question set</dspt-tag>
                } @else {
                  <dspt-tag colour="grey">Not started</dspt-tag>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <dspt-loading-state what="cycles" [error]="cycles.error()" />
    }

    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <h2>Add a cycle</h2>
        <form [dsptForm]="submission" data-testid="create-cycle-form">
          <dspt-text-field
            label="Cycle"
            controlId="cycle-code"
            hint="Its two years, like 2027-28. It starts on 1 July of the first year."
            [width]="10"
            autocomplete="off"
            [spellcheck]="false"
            [field]="cycleForm.code"
          />
          <dspt-date-field
            legend="Deadline (optional)"
            controlId="cycle-deadline"
            hint="Leave blank for 30 June of the second year. For example, 30 6 2028"
            [formField]="cycleForm.deadline"
          />
          <button class="nhsuk-button" type="submit">Add cycle</button>
        </form>
      </div>
    </div>
  `,
})
export class CyclesPage {
  private readonly api = inject(CyclesApi);

  protected readonly cycles = this.api.cyclesResource();
  /** The cycle a system admin made current, if any (else the date decides). */
  protected readonly chosen = computed(() =>
    this.cycles.hasValue() ? (this.cycles.value().items.find((cycle) => cycle.chosenAsCurrent)?.code ?? null) : null,
  );
  protected readonly confirmation = signal<string | null>(null);
  protected readonly today = signal(londonToday());
  protected readonly cycleForm = form(signal<NewCycle>(EMPTY), (path) => {
    required(path.code, { message: "Enter the cycle's two years, like 2027-28" });
    pattern(path.code, /^\d{4}-\d{2}$/, { message: 'The cycle must be two years, like 2027-28' });
    realDate(path.deadline, 'Deadline');
  });
  protected readonly submission = new FormSubmission(this.cycleForm, (value) => this.create(value));

  /** The cycle a day belongs to, as the API decides it: 30 June ends one, 1 July starts the next. */
  protected currentCode(day: string): string {
    return cycleForDate(day).code;
  }

  private async create({ code, deadline }: NewCycle): Promise<void> {
    this.confirmation.set(null);
    const created: CycleSummary = await this.api.create(
      deadline ? { code: code.trim(), deadline } : { code: code.trim() },
    );
    this.submission.reset(EMPTY);
    this.confirmation.set(`Cycle ${created.code} was added. Open it to import its question set.`);
    this.cycles.reload();
  }
}
