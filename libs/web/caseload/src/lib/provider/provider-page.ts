import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import type { ProgressImportResult, ProviderPageView, QuestionProgressResult } from '@dspt/contracts';
import { blockersBySection } from '@dspt/domain';
import {
  apiProblemFrom,
  counted,
  portalTitle,
  PortalDatePipe,
  preloadedResource,
  PROVIDER_STATUS_COLOURS,
  PROVIDER_STATUS_LABELS,
  QUESTION_STATUS_LABELS,
} from '@dspt/web/core';
import { ProviderEmails, ResubscribeContacts } from '@dspt/web/reminders';
import { ConfirmationCard, LoadingState, PageNotFound, SuccessBanner, Tag } from '@dspt/web/ui';
import { CaseloadApi, type ProviderRef } from '../api/caseload.api';
import { CaseNoteForm } from '../casework/case-note-form';
import { CaseNotesTimeline } from '../casework/case-notes-timeline';
import { TaskForm } from '../casework/task-form';
import { TasksTable } from '../casework/tasks-table';
import { CaseloadReturn } from '../caseload/caseload-return';
import { lspAccess } from '../lsp-access';
import { AssessmentList } from './assessment-list';
import { ContactsTable } from './contacts-table';
import { InPageLink } from './in-page-link';
import { PublicationForm } from './publication-form';
import { PublicationsList } from './publications-list';
import { ProviderKeyFacts } from './provider-key-facts';
import { ProviderNotice } from './provider-notice';
import { ProviderMoves } from './provider-moves';
import { ProviderSummary } from './provider-summary';
import { QuestionStatusImportForm } from './question-status-import-form';

/** The sections of the page that confirm what the user did in them. */
type Section = 'summary' | 'assessment' | 'publications' | 'notes' | 'tasks' | 'contacts';

/** The page's sections in order, for its contents list: each heading's id and words. */
const SECTIONS: ReadonlyArray<{ id: string; label: string; adminOnly?: boolean }> = [
  { id: 'summary', label: 'Summary' },
  { id: 'blockers', label: 'What stops publishing' },
  { id: 'assessment', label: 'Assessment' },
  { id: 'publications', label: 'Publications' },
  { id: 'contacts', label: 'Contacts' },
  { id: 'case-notes', label: 'Case notes' },
  { id: 'tasks', label: 'Tasks' },
  { id: 'emails', label: 'Emails' },
  { id: 'moving', label: 'Moving to another LSP', adminOnly: true },
  { id: 'leaving', label: 'Leaving the programme', adminOnly: true },
];

/**
 * `/lsp/:slug/providers/:providerId`: first, what an adviser calls about (main contact, next task,
 * status and progress, "Record a call" and "Send guidance") with a contents list of the page; then a
 * provider's summary and contacts; its progress "x of N mandatory"
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
    ConfirmationCard,
    ContactsTable,
    InPageLink,
    PortalDatePipe,
    LoadingState,
    PageNotFound,
    ProviderEmails,
    ProviderKeyFacts,
    ProviderMoves,
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
  private readonly caseloadReturn = inject(CaseloadReturn);
  private readonly notice = inject(ProviderNotice);

  /** The `:slug` route parameter. */
  readonly slug = input.required<string>();
  /** The `:providerId` route parameter. */
  readonly providerId = input.required<string>();

  protected readonly ref = computed(() => ({ slug: this.slug(), providerId: this.providerId() }));
  protected readonly access = lspAccess(this.slug);
  /** Every part of the page in one request; after a change, each part asks its own endpoint again. */
  protected readonly page = this.api.providerPageResource(this.ref);
  protected readonly loaded = computed(() => (this.page.hasValue() ? this.page.value() : undefined));
  protected readonly provider = this.part(
    (page) => page.provider,
    (ref) => this.api.getProvider(ref),
  );
  /** Both null in the page's answer before the current cycle is loaded: their endpoints then say so. */
  protected readonly assessment = this.part(
    (page) => page.assessment,
    (ref) => this.api.getAssessment(ref),
  );
  protected readonly blockers = this.part(
    (page) => page.blockers,
    (ref) => this.api.getBlockers(ref),
  );
  protected readonly publications = this.part(
    (page) => page.publications,
    (ref) => this.api.getPublications(ref),
  );
  protected readonly notes = this.part(
    (page) => page.notes,
    (ref) => this.api.getNotes(ref),
  );
  protected readonly tasks = this.part(
    (page) => page.tasks,
    (ref) => this.api.getTasks(ref),
  );
  /** Its moves between LSPs, on its history next to the case notes. */
  protected readonly moves = computed(() => this.loaded()?.moves.items ?? []);

  protected readonly sections = computed(() =>
    SECTIONS.filter((section) => !section.adminOnly || this.access().isAdmin),
  );
  protected readonly blockerSections = computed(() =>
    this.blockers.hasValue() ? blockersBySection(this.blockers.value().items) : [],
  );
  protected readonly statusLabels = PROVIDER_STATUS_LABELS;
  protected readonly statusColours = PROVIDER_STATUS_COLOURS;
  private readonly confirmation = signal<{ section: Section; message: string } | null>(null);
  protected readonly confirmations = signal(0);
  /** The caseload's view, filters, sort and page as the user left them, for the back link. */
  protected readonly caseloadParams = computed(() => this.caseloadReturn.paramsFor(this.slug()));
  /** No such provider in this LSP (or an id the API refuses): the "Page not found" page, not the API's words. */
  protected readonly notFound = computed(() => {
    const error = this.page.error();
    return !!error && [400, 404].includes(apiProblemFrom(error).status);
  });
  /** Why the provider is not shown: the page could not be loaded, or it could not be asked again after a change. */
  protected readonly providerError = computed(() => this.page.error() ?? this.provider.error());

  constructor() {
    // What the contact pages did, said once when the page opens on their way back.
    effect(() => {
      const news = this.notice.take(this.providerId());
      if (news) {
        untracked(() => this.confirm(news.section, news.message));
      }
    });
    effect(() => {
      if (this.provider.hasValue()) {
        this.title.setTitle(portalTitle(this.provider.value().name));
      } else if (this.notFound()) {
        this.title.setTitle(portalTitle('Page not found'));
      }
    });
  }

  protected openItemsText(count: number): string {
    return `${counted(count, 'mandatory item')} ${count === 1 ? 'is' : 'are'} not complete yet:`;
  }

  /** Asked first with a confirmation card: archiving takes the provider out of the caseload. */
  protected readonly askToArchive = signal(false);
  protected readonly archiveProblem = signal<string | null>(null);

  protected async setArchived(archived: boolean): Promise<void> {
    this.archiveProblem.set(null);
    try {
      const saved = archived ? await this.api.archive(this.ref()) : await this.api.unarchive(this.ref());
      this.askToArchive.set(false);
      this.confirm(
        'summary',
        archived
          ? `${saved.name} was archived. It is no longer in the caseload.`
          : `${saved.name} is back in the caseload.`,
      );
      this.provider.reload();
    } catch (failure: unknown) {
      this.archiveProblem.set(apiProblemFrom(failure).message);
    }
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

  /**
   * A guidance email, and a contact resubscribed at their request, are logged as case notes (and as
   * contact with the provider).
   */
  protected guidanceSent(): void {
    this.notes.reload();
    this.provider.reload();
  }

  protected taskChanged(message: string): void {
    this.confirm('tasks', message);
    this.tasks.reload();
  }

  /** A part of the page: first from the page's answer, then from its own endpoint each time it is reloaded. */
  private part<T>(pick: (page: ProviderPageView) => T | null, load: (ref: ProviderRef) => Promise<T>) {
    return preloadedResource({
      request: () => (this.loaded() ? this.ref() : undefined),
      first: () => {
        const page = this.loaded();
        return page ? (pick(page) ?? undefined) : undefined;
      },
      load,
    });
  }

  private confirm(section: Section, message: string): void {
    this.confirmation.set({ section, message });
    this.confirmations.update((count) => count + 1);
  }
}
