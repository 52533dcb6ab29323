import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormField, form, required } from '@angular/forms/signals';
import type {
  AssessmentQuestionView,
  BlockerList,
  ProviderDetail,
  PublicationInput,
  PublicationView,
} from '@dspt/contracts';
import { PUBLICATION_LEVELS, PUBLICATION_LEVEL_NAMES, type PublicationLevel, isOneOf } from '@dspt/domain';
import {
  DateField,
  ErrorSummary,
  FormDirective,
  FormSubmission,
  Radios,
  labelledOptions,
  realDate,
} from '@dspt/web/ui';
import { CaseloadApi, type ProviderRef } from '../api/caseload.api';
import { londonToday } from '@dspt/web/core';
import { dayNotInFuture } from '../calendar';

const LEVEL_OPTIONS = labelledOptions(PUBLICATION_LEVELS, PUBLICATION_LEVEL_NAMES);

/**
 * The items still open for publishing at a level: Approaching Standards needs its own (AS) items,
 * Standards Met and above every mandatory one (the blockers).
 */
export function openItemsFor(
  level: PublicationLevel,
  blockers: BlockerList['items'],
  questions: readonly AssessmentQuestionView[],
): string[] {
  if (level !== 'approaching_standards') {
    return blockers.map((blocker) => blocker.code);
  }
  const approachingStandardsItems = new Set(
    questions.filter((question) => question.level === 'AS').map((question) => question.code),
  );
  return blockers.filter((blocker) => approachingStandardsItems.has(blocker.code)).map((blocker) => blocker.code);
}

interface PublicationModel {
  level: string;
  publishedOn: string;
  completeOpenItems: boolean;
}

/**
 * Records what the provider published on the DSPT: the level and the day. While items are still open
 * for that level, the adviser may mark them done in the same step (they saw them done on the DSPT); an
 * HQ's publication may cover some of its branches. When the DSPT's rules refuse it (Approaching
 * Standards twice, items left), the API's explanation shows in the error summary.
 */
@Component({
  selector: 'dspt-publication-form',
  imports: [DateField, ErrorSummary, FormDirective, FormField, Radios],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dspt-error-summary [source]="submission" />
    <form [dsptForm]="submission" data-testid="publication-form">
      <dspt-radios
        legend="Level published"
        idPrefix="publication-level"
        [options]="levelOptions"
        [field]="publicationForm.level"
      />
      <dspt-date-field
        legend="Date published on the DSPT"
        controlId="publication-date"
        [formField]="publicationForm.publishedOn"
      />
      @if (openItems().length > 0) {
        <div class="nhsuk-form-group">
          <div class="nhsuk-checkboxes">
            <div class="nhsuk-checkboxes__item">
              <input
                class="nhsuk-checkboxes__input"
                id="publication-complete-items"
                type="checkbox"
                aria-describedby="publication-complete-items-hint"
                [formField]="publicationForm.completeOpenItems"
              />
              <label class="nhsuk-label nhsuk-checkboxes__label" for="publication-complete-items">
                Mark the {{ openItems().length }} items still open as completed: {{ openItems().join(', ') }}
              </label>
              <div class="nhsuk-hint nhsuk-checkboxes__hint" id="publication-complete-items-hint">
                Only if the provider completed them on the DSPT before publishing. Otherwise the DSPT would not have let
                them publish at this level.
              </div>
            </div>
          </div>
        </div>
      }
      @if (provider().kind === 'hq' && provider().branches.length > 0) {
        <div class="nhsuk-form-group">
          <fieldset class="nhsuk-fieldset" aria-describedby="publication-branches-hint">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              Branches this publication covers (optional)
            </legend>
            <div class="nhsuk-hint" id="publication-branches-hint">Select the branches the HQ published for.</div>
            <div class="nhsuk-checkboxes">
              @for (branch of provider().branches; track branch.id) {
                <div class="nhsuk-checkboxes__item">
                  <input
                    class="nhsuk-checkboxes__input"
                    type="checkbox"
                    [id]="'publication-branch-' + branch.id"
                    [checked]="branchIds().includes(branch.id)"
                    (change)="toggleBranch(branch.id, $any($event.target).checked)"
                  />
                  <label class="nhsuk-label nhsuk-checkboxes__label" [for]="'publication-branch-' + branch.id"
                    >{{ branch.name }} ({{ branch.odsCode }})</label
                  >
                </div>
              }
            </div>
          </fieldset>
        </div>
      }
      <button class="nhsuk-button" type="submit">Record publication</button>
    </form>
  `,
})
export class PublicationForm {
  private readonly api = inject(CaseloadApi);

  readonly ref = input.required<ProviderRef>();
  readonly provider = input.required<ProviderDetail>();
  readonly blockers = input.required<BlockerList['items']>();
  readonly questions = input.required<readonly AssessmentQuestionView[]>();
  readonly recorded = output<PublicationView>();

  protected readonly levelOptions = LEVEL_OPTIONS;
  private readonly model = signal<PublicationModel>({
    level: '',
    publishedOn: londonToday(),
    completeOpenItems: false,
  });
  protected readonly branchIds = signal<readonly string[]>([]);
  protected readonly publicationForm = form(this.model, (path) => {
    required(path.level, { message: 'Select the level the provider published' });
    required(path.publishedOn, { message: 'Enter the date it was published' });
    realDate(path.publishedOn, 'Date published');
    dayNotInFuture(path.publishedOn, 'Date published must be today or in the past');
  });
  protected readonly openItems = computed(() => {
    const level = this.model().level;
    return isOneOf(PUBLICATION_LEVELS, level) ? openItemsFor(level, this.blockers(), this.questions()) : [];
  });
  protected readonly submission = new FormSubmission(this.publicationForm, (value) => this.record(value));

  protected toggleBranch(id: string, checked: boolean): void {
    this.branchIds.update((ids) => (checked ? [...ids, id] : ids.filter((branchId) => branchId !== id)));
  }

  private async record({ level, publishedOn, completeOpenItems }: PublicationModel): Promise<void> {
    if (!isOneOf(PUBLICATION_LEVELS, level)) {
      return;
    }
    const input: PublicationInput = { level, publishedOn };
    const openItems = this.openItems();
    if (completeOpenItems && openItems.length > 0) {
      input.completeItems = openItems;
    }
    if (this.branchIds().length > 0) {
      input.coversBranchIds = [...this.branchIds()];
    }
    const publication = await this.api.recordPublication(this.ref(), input);
    this.branchIds.set([]);
    this.submission.reset({ level: '', publishedOn: londonToday(), completeOpenItems: false });
    this.recorded.emit(publication);
  }
}
