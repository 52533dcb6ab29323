import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import type { AssessmentQuestionView, AssessmentView, QuestionProgressResult } from '@dspt/contracts';
import type { QuestionStatus } from '@dspt/domain';
import { QUESTION_STATUS_LABELS, PortalDatePipe } from '@dspt/web/core';
import { Tag, type TagColour, ResponsiveTable } from '@dspt/web/ui';
import type { ProviderRef } from '../api/caseload.api';
import { QuestionProgressForm, codeId } from './question-progress-form';

const STATUS_COLOURS: Readonly<Record<QuestionStatus, TagColour>> = {
  not_started: 'grey',
  in_progress: 'blue',
  completed: 'green',
};

export interface AssessmentSection {
  name: string;
  questions: AssessmentQuestionView[];
}

/** The questions by section, in the DSPT's order (the API sends them in it). */
export function sectionsOf(questions: readonly AssessmentQuestionView[]): AssessmentSection[] {
  const sections: AssessmentSection[] = [];
  for (const question of questions) {
    const last = sections.at(-1);
    if (last?.name === question.section) {
      last.questions.push(question);
    } else {
      sections.push({ name: question.section, questions: [question] });
    }
  }
  return sections;
}

/**
 * The provider's assessment laid out like the DSPT's own list: by section, each evidence item with its
 * code, title, a Mandatory mark and its status. Advisers update an item's status and comment in place.
 */
@Component({
  selector: 'dspt-assessment-list',
  imports: [PortalDatePipe, QuestionProgressForm, Tag, ResponsiveTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (section of sections(); track section.name) {
      <h3>{{ section.name }}</h3>
      <table class="nhsuk-table" dsptResponsiveTable [attr.data-testid]="'section-' + section.name">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">
          {{
            section.name
          }}: evidence items
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th class="nhsuk-table__header" scope="col">Code</th>
            <th class="nhsuk-table__header" scope="col">Evidence item</th>
            <th class="nhsuk-table__header" scope="col">Mandatory</th>
            <th class="nhsuk-table__header" scope="col">Status</th>
            @if (canWrite()) {
              <th class="nhsuk-table__header" scope="col"><span class="nhsuk-u-visually-hidden">Actions</span></th>
            }
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          @for (question of section.questions; track question.code) {
            <tr class="nhsuk-table__row" [attr.data-testid]="'question-' + question.code">
              <td class="nhsuk-table__cell">{{ question.code }}</td>
              <td class="nhsuk-table__cell">
                {{ question.title }}
                @if (question.comment) {
                  <br /><span class="nhsuk-body-s">Comment: {{ question.comment }}</span>
                }
                @if (question.updatedAt) {
                  <br /><span class="nhsuk-body-s nhsuk-u-secondary-text-colour"
                    >Updated {{ question.updatedAt | portalDate
                    }}{{ question.updatedBy ? ' by ' + question.updatedBy : '' }}</span
                  >
                }
              </td>
              <td class="nhsuk-table__cell">{{ question.mandatory ? 'Mandatory' : '' }}</td>
              <td class="nhsuk-table__cell" data-testid="question-status">
                @if (question.metByCePlus) {
                  <dspt-tag colour="green">Met by Cyber Essentials Plus</dspt-tag>
                } @else {
                  <dspt-tag [colour]="statusColours[question.status]">{{ statusLabels[question.status] }}</dspt-tag>
                }
              </td>
              @if (canWrite()) {
                <td class="nhsuk-table__cell">
                  <button
                    class="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                    type="button"
                    [id]="'update-' + idOf(question.code)"
                    [attr.aria-expanded]="editing() === question.code"
                    (click)="editing.set(editing() === question.code ? null : question.code)"
                  >
                    Update<span class="nhsuk-u-visually-hidden"> {{ question.code }}</span>
                  </button>
                </td>
              }
            </tr>
            @if (editing() === question.code) {
              <tr class="nhsuk-table__row">
                <td class="nhsuk-table__cell" colspan="5">
                  <dspt-question-progress-form
                    [provider]="provider()"
                    [question]="question"
                    (saved)="saved(question, $event)"
                    (cancelled)="close(question)"
                  />
                </td>
              </tr>
            }
          }
        </tbody>
      </table>
    }
  `,
})
export class AssessmentList {
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  readonly provider = input.required<ProviderRef>();
  readonly assessment = input.required<AssessmentView>();
  readonly canWrite = input(false);
  readonly updated = output<QuestionProgressResult>();

  protected readonly statusLabels = QUESTION_STATUS_LABELS;
  protected readonly statusColours = STATUS_COLOURS;
  protected readonly idOf = codeId;
  protected readonly sections = computed(() => sectionsOf(this.assessment().questions));
  /** The code of the item being updated. */
  protected readonly editing = signal<string | null>(null);

  protected saved(question: AssessmentQuestionView, result: QuestionProgressResult): void {
    this.close(question);
    this.updated.emit(result);
  }

  /** Back to the item's Update button, so keyboard users carry on from where they were. */
  protected close(question: AssessmentQuestionView): void {
    this.editing.set(null);
    afterNextRender(() => this.document.getElementById(`update-${codeId(question.code)}`)?.focus(), {
      injector: this.injector,
    });
  }
}
