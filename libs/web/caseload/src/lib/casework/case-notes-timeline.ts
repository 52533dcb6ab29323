import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CaseNote } from '@dspt/contracts';
import { CASE_NOTE_KIND_LABELS, PortalDatePipe } from '@dspt/web/core';

/** The provider's case notes, newest first: what kind, when, who, and what happened. */
@Component({
  selector: 'dspt-case-notes-timeline',
  imports: [PortalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-timeline > li {
      margin-bottom: 1rem;
      padding-left: 1rem;
      border-left: 4px solid #d8dde0;
    }
    .dspt-note-body {
      white-space: pre-line;
    }
  `,
  template: `
    @if (notes().length === 0) {
      <p data-testid="no-notes">No notes yet.</p>
    } @else {
      <ol class="nhsuk-list dspt-timeline" data-testid="notes" aria-label="Case notes, newest first">
        @for (note of notes(); track note.id) {
          <li data-testid="note">
            <p class="nhsuk-u-margin-bottom-1">
              <strong>{{ kindLabels[note.kind] }}</strong>,
              <time [attr.datetime]="note.occurredAt">{{ note.occurredAt | portalDate: 'dateTime' }}</time>
              @if (note.author) {
                <span class="nhsuk-u-secondary-text-colour"> by {{ note.author.displayName }}</span>
              }
            </p>
            <p class="dspt-note-body">{{ note.body }}</p>
          </li>
        }
      </ol>
    }
  `,
})
export class CaseNotesTimeline {
  readonly notes = input.required<readonly CaseNote[]>();

  protected readonly kindLabels = CASE_NOTE_KIND_LABELS;
}
