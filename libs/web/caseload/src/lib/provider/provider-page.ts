import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { ProgressImportResult, QuestionProgressResult } from '@dspt/contracts';
import { counted, portalTitle, PROVIDER_STATUS_COLOURS, PROVIDER_STATUS_LABELS, QUESTION_STATUS_LABELS } from '@dspt/web/core';
import { ProviderEmails, ResubscribeContacts } from '@dspt/web/reminders';
import { LoadingState, SuccessBanner, Tag } from '@dspt/web/ui';
import { CaseloadApi } from '../api/caseload.api';
import { CaseNoteForm } from '../casework/case-note-form';
import { CaseNotesTimeline } from '../casework/case-notes-timeline';
import { TaskForm } from '../casework/task-form';
import { TasksTable } from '../casework/tasks-table';
import { lspAccess } from '../lsp-access';
import { AssessmentList } from './assessment-list';
import { ContactsTable } from './contacts-table';
import { PublicationForm } from './publication-form';
import { PublicationsList } from './publications-list';
import { ProviderSummary } from './provider-summary';
import { QuestionStatusImportForm } from './question-status-import-form';

/** The sections of the page that confirm what the user did in them. */
type Section = 'assessment' | 'publications' | 'notes' | 'tasks';

/**
 * `/lsp/:slug/providers/:providerId`: a provider's summary and contacts; its progress "x of N mandatory"
 * and blockers in the DSPT's words; its assessment by section as in the DSPT's list, where advisers
 * change an item's status, or many from a spreadsheet; its publications; case notes and tasks; the
 * emails sent to it, with the guidance email dialog (from @dspt/web/reminders). Viewers see it all
 * without forms.
 */
@Component({
  selector: 'dspt-provider-page',
  imports: [
    AssessmentList,
    CaseNoteForm,
    CaseNotesTimeline,
    ContactsTable,
    DatePipe,
    LoadingState,
    ProviderEmails,
    ProviderSummary,
    PublicationForm,
    PublicationsList,
    QuestionStatusImportForm,
    ResubscribeContacts,
    RouterLink,
    SuccessBanner,
    Tag,
    TaskForm,
    TasksTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './provider-page.html',
})
export class ProviderPage {
  private readonly api = inject(CaseloadApi);
  private readonly title = inject(Title);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();
  /** The `:providerId` route parameter. */
  readonly providerId = input.required<string>();

  protected readonly ref = computed(() => ({ slug: this.slug(), providerId: this.providerId() }));
  protected readonly access = lspAccess(this.slug);
  protected readonly provider = this.api.providerResource(this.ref);
  protected readonly assessment = this.api.assessmentResource(this.ref);
  protected readonly blockers = this.api.blockersResource(this.ref);
  protected readonly publications = this.api.publicationsResource(this.ref);
  protected readonly notes = this.api.notesResource(this.ref);
  protected readonly tasks = this.api.tasksResource(this.ref);

  protected readonly statusLabels = PROVIDER_STATUS_LABELS;
  protected readonly statusColours = PROVIDER_STATUS_COLOURS;
  private readonly confirmation = signal<{ section: Section; message: string } | null>(null);

  constructor() {
    effect(() => {
      if (this.provider.hasValue()) {
        this.title.setTitle(portalTitle(this.provider.value().name));
      }
    });
  }

  protected confirmed(section: Section): string | null {
    const confirmation = this.confirmation();
    return confirmation?.section === section ? confirmation.message : null;
  }

  protected questionUpdated({ question }: QuestionProgressResult): void {
    this.confirm('assessment', `${question.code} is now ${QUESTION_STATUS_LABELS[question.status].toLowerCase()}.`);
    this.provider.reload();
    this.assessment.reload();
    this.blockers.reload();
  }

  protected statusesImported({ rows, changed, progress }: ProgressImportResult): void {
    this.confirm(
      'assessment',
      `Imported ${counted(rows, 'row')}: ${counted(changed, 'item')} changed. ${progress.completed} of ${progress.total} mandatory items completed.`,
    );
    this.provider.reload();
    this.assessment.reload();
    this.blockers.reload();
  }

  protected publicationRecorded(summary: string): void {
    this.confirm('publications', `Recorded: ${summary}.`);
    this.provider.reload();
    this.assessment.reload();
    this.blockers.reload();
    this.publications.reload();
  }

  protected noteAdded(): void {
    this.confirm('notes', 'Your note was added.');
    this.notes.reload();
    this.provider.reload();
  }

  /** A guidance email is logged as a case note (and as contact with the provider). */
  protected guidanceSent(): void {
    this.notes.reload();
    this.provider.reload();
  }

  protected taskChanged(message: string): void {
    this.confirm('tasks', message);
    this.tasks.reload();
  }

  private confirm(section: Section, message: string): void {
    this.confirmation.set({ section, message });
  }
}
