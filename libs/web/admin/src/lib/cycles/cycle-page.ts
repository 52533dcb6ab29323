import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormField, form, required, validate } from '@angular/forms/signals';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { CycleSummary, QuestionSetImportResult } from '@dspt/contracts';
import { apiProblemFrom, PortalDatePipe, portalTitle } from '@dspt/web/core';
import {
  ConfirmationCard,
  DateField,
  ErrorSummary,
  FileField,
  FormDirective,
  FormSubmission,
  LoadingState,
  PageNotFound,
  SuccessBanner,
  realDate,
} from '@dspt/web/ui';
import { CyclesApi, QUESTION_SET_TEMPLATE_URL } from './cycles.api';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_BYTES = 10 * 1024 * 1024;

interface FileModel {
  file: File | null;
}

/**
 * `/admin/cycles/:code` (system admins): one cycle's dates and question set; moving its deadline; and
 * importing its question set in two steps: the file is checked and what it would change is shown (every
 * bad row named in the error summary), then the admin confirms.
 */
@Component({
  selector: 'dspt-cycle-page',
  imports: [
    ConfirmationCard,
    DateField,
    ErrorSummary,
    FileField,
    FormDirective,
    FormField,
    LoadingState,
    PageNotFound,
    PortalDatePipe,
    RouterLink,
    SuccessBanner,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <dspt-page-not-found />
    } @else {
      <a class="nhsuk-back-link" routerLink="/admin/cycles">Back to assessment cycles</a>
      @if (cycle(); as current) {
        <dspt-error-summary [source]="deadlineSubmission" />
        <dspt-error-summary [source]="importSubmission" />
        <dspt-error-summary [source]="confirmSubmission" />
        <dspt-success-banner [message]="confirmation()" [occurrence]="confirmations()" />
        <div class="nhsuk-grid-row">
          <div class="nhsuk-grid-column-two-thirds">
            <span class="nhsuk-caption-l">Assessment cycle</span>
            <h1>{{ current.code }}</h1>
            <dl class="nhsuk-summary-list" data-testid="cycle-summary">
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Starts</dt>
                <dd class="nhsuk-summary-list__value">{{ current.startsOn | portalDate }}</dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Deadline</dt>
                <dd class="nhsuk-summary-list__value">{{ current.deadline | portalDate }}</dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Question set</dt>
                <dd class="nhsuk-summary-list__value">
                  {{ current.questions }} questions, {{ current.mandatory }} mandatory
                </dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">LSPs started</dt>
                <dd class="nhsuk-summary-list__value">{{ current.inUse ? 'Yes' : 'No' }}</dd>
              </div>
              <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">Current cycle</dt>
                <dd class="nhsuk-summary-list__value" data-testid="cycle-current">{{ currentText(current) }}</dd>
              </div>
            </dl>

            <h2>Current cycle</h2>
            @if (currentProblem(); as message) {
              <p class="nhsuk-error-message" role="alert">
                <span class="nhsuk-u-visually-hidden">Error: </span>{{ message }}
              </p>
            }
            @if (current.chosenAsCurrent) {
              <p>
                Caseloads, reminders, the DSPT status list and statistics show this cycle whatever the date, until you
                let the date decide again.
              </p>
              <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="chooseCurrent(null)">
                Let the date decide the current cycle
              </button>
            } @else if (asking()) {
              <dspt-confirmation-card
                data-testid="make-current-confirmation"
                [heading]="'Make ' + current.code + ' the current cycle?'"
                [description]="askDescription()"
                [confirmLabel]="'Yes, make ' + current.code + ' current'"
                (confirmed)="chooseCurrent(current.code)"
                (cancelled)="asking.set(false)"
              />
            } @else {
              <p>
                The current cycle is the one caseloads, reminders, the DSPT status list and statistics show. The date
                decides it unless you choose one, for example to keep a cycle open while the next one's question set is
                late.
              </p>
              <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="asking.set(true)">
                Make this cycle current
              </button>
            }

            <h2>Change the deadline</h2>
            <form [dsptForm]="deadlineSubmission" data-testid="cycle-deadline-form">
              <dspt-date-field
                legend="New deadline"
                controlId="cycle-new-deadline"
                hint="After the cycle starts and by 31 December of its second year. Caseloads re-rank at once."
                [formField]="deadlineForm.deadline"
              />
              <button class="nhsuk-button nhsuk-button--secondary" type="submit">Change deadline</button>
            </form>

            <h2>Question set</h2>
            @if (current.inUse) {
              <p data-testid="question-set-locked">
                LSPs have started assessments in this cycle, so its question set can no longer be replaced.
              </p>
            } @else {
              <p>
                Download the template (<a [href]="templateUrl + '?format=csv'" download>CSV</a> or
                <a [href]="templateUrl + '?format=xlsx'" download>XLSX</a>), one question on each row in the DSPT's
                order. The file replaces the whole set.
              </p>
              @if (preview(); as result) {
                <div class="nhsuk-card" data-testid="import-preview">
                  <div class="nhsuk-card__content">
                    <h3 class="nhsuk-card__heading">Check the changes from {{ previewFile()?.name }}</h3>
                    <p>
                      The cycle will have {{ result.questions }} questions ({{ result.mandatory }} mandatory) instead of
                      {{ result.replaced }}.
                    </p>
                    <dl class="nhsuk-summary-list">
                      <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">Added</dt>
                        <dd class="nhsuk-summary-list__value" data-testid="preview-added">
                          {{ codes(result.changes?.added) }}
                        </dd>
                      </div>
                      <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">Changed</dt>
                        <dd class="nhsuk-summary-list__value" data-testid="preview-changed">
                          {{ codes(result.changes?.changed) }}
                        </dd>
                      </div>
                      <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">Removed</dt>
                        <dd class="nhsuk-summary-list__value" data-testid="preview-removed">
                          {{ codes(result.changes?.removed) }}
                        </dd>
                      </div>
                      <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">Unchanged</dt>
                        <dd class="nhsuk-summary-list__value">{{ result.changes?.unchanged ?? 0 }}</dd>
                      </div>
                    </dl>
                    <form [dsptForm]="confirmSubmission" class="nhsuk-button-group" data-testid="confirm-import-form">
                      <button class="nhsuk-button" type="submit">Import question set</button>
                      <button class="nhsuk-button nhsuk-button--secondary" type="button" (click)="cancelPreview()">
                        Choose another file
                      </button>
                    </form>
                  </div>
                </div>
              } @else {
                <form [dsptForm]="importSubmission" data-testid="question-set-import-form">
                  <dspt-file-field
                    label="Upload a CSV or XLSX question set"
                    controlId="question-set-file"
                    hint="Columns code, section, title, level (AS, SM or none) and ce_plus_skippable (yes or no). You can check what will change before anything is saved."
                    [accept]="accept"
                    [field]="importForm.file"
                  />
                  <button class="nhsuk-button nhsuk-button--secondary" type="submit">Check file</button>
                </form>
              }
            }
          </div>
        </div>
      } @else {
        <dspt-loading-state what="cycle" [error]="cycles.error()" />
      }
    }
  `,
})
export class CyclePage {
  private readonly api = inject(CyclesApi);
  private readonly title = inject(Title);

  /** The `:code` route parameter, like 2026-27. */
  readonly code = input.required<string>();

  protected readonly templateUrl = QUESTION_SET_TEMPLATE_URL;
  protected readonly accept = ACCEPT;
  protected readonly cycles = this.api.cyclesResource();
  protected readonly cycle = computed(() =>
    this.cycles.hasValue() ? (this.cycles.value().items.find((item) => item.code === this.code()) ?? null) : null,
  );
  protected readonly notFound = computed(() => this.cycles.hasValue() && this.cycle() === null);
  protected readonly confirmation = signal<string | null>(null);
  protected readonly confirmations = signal(0);
  protected readonly asking = signal(false);
  protected readonly currentProblem = signal<string | null>(null);
  /** The cycle that is current now, by the API's rule. */
  private readonly currentCode = computed(() =>
    this.cycles.hasValue() ? (this.cycles.value().items.find((item) => item.current)?.code ?? null) : null,
  );
  protected readonly askDescription = computed(() => {
    const now = this.currentCode();
    const instead = now && now !== this.code() ? ` instead of ${now}` : '';
    return `Caseloads, reminders, the DSPT status list and statistics will show ${this.code()}${instead}, whatever the date, until you change it.`;
  });
  protected readonly preview = signal<QuestionSetImportResult | null>(null);
  protected readonly previewFile = signal<File | null>(null);

  protected readonly deadlineForm = form(signal({ deadline: '' }), (path) => {
    required(path.deadline, { message: 'Enter the new deadline' });
    realDate(path.deadline, 'New deadline');
  });
  protected readonly deadlineSubmission = new FormSubmission(this.deadlineForm, ({ deadline }) =>
    this.changeDeadline(deadline),
  );

  protected readonly importForm = form(signal<FileModel>({ file: null }), (path) => {
    required(path.file, { message: 'Select a CSV or XLSX file' });
    validate(path.file, ({ value }) => {
      const file = value();
      if (!file) return undefined;
      if (!/\.(csv|xlsx)$/i.test(file.name))
        return { kind: 'spreadsheet', message: 'The selected file must be a CSV or XLSX file' };
      if (file.size === 0) return { kind: 'spreadsheet', message: 'The selected file is empty' };
      if (file.size > MAX_BYTES)
        return { kind: 'spreadsheet', message: 'The selected file must be smaller than 10 MB' };
      return undefined;
    });
  });
  protected readonly importSubmission = new FormSubmission(this.importForm, ({ file }) => this.check(file), {
    problemField: this.importForm.file,
  });

  protected readonly confirmSubmission = new FormSubmission(form(signal({})), () => this.confirmImport());

  constructor() {
    effect(() => {
      if (this.cycle()) {
        this.title.setTitle(portalTitle(`Assessment cycle ${this.code()}`));
      } else if (this.notFound()) {
        this.title.setTitle(portalTitle('Page not found'));
      }
    });
  }

  protected currentText(cycle: CycleSummary): string {
    if (cycle.chosenAsCurrent) {
      return 'Yes, chosen by a system admin';
    }
    return cycle.current ? "Yes, by today's date" : 'No';
  }

  protected async chooseCurrent(code: string | null): Promise<void> {
    this.currentProblem.set(null);
    try {
      await this.api.chooseCurrent(code);
      this.asking.set(false);
      this.say(code ? `${code} is now the current cycle.` : 'The date decides the current cycle again.');
      this.cycles.reload();
    } catch (failure: unknown) {
      this.currentProblem.set(apiProblemFrom(failure).message);
    }
  }

  protected codes(list: string[] | undefined): string {
    return list && list.length > 0 ? list.join(', ') : 'None';
  }

  protected cancelPreview(): void {
    this.preview.set(null);
    this.previewFile.set(null);
    this.importSubmission.reset({ file: null });
    this.confirmSubmission.reset({});
  }

  private async confirmImport(): Promise<void> {
    const file = this.previewFile();
    if (!file) {
      return;
    }
    const result = await this.api.importQuestionSet(this.code(), file, false);
    this.cancelPreview();
    this.say(`The question set was imported: ${result.questions} questions, ${result.mandatory} mandatory.`);
    this.cycles.reload();
  }

  private async check(file: File | null): Promise<void> {
    if (!file) {
      return;
    }
    this.confirmation.set(null);
    const result = await this.api.importQuestionSet(this.code(), file, true);
    this.previewFile.set(file);
    this.preview.set(result);
  }

  private async changeDeadline(deadline: string): Promise<void> {
    this.confirmation.set(null);
    const changed = await this.api.changeDeadline(this.code(), deadline);
    this.deadlineSubmission.reset({ deadline: '' });
    this.say(`The deadline of ${changed.code} is now ${formatDay(changed.deadline)}.`);
    this.cycles.reload();
  }

  private say(message: string): void {
    this.confirmation.set(message);
    this.confirmations.update((count) => count + 1);
  }
}

function formatDay(day: string): string {
  return new PortalDatePipe().transform(day);
}
