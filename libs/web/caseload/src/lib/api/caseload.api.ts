import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, type Signal, inject } from '@angular/core';
import type {
  AssessmentView,
  AssignableAdviserList,
  BlockerList,
  BulkAssignRequest,
  BulkAssignResult,
  CaseNote,
  CaseNoteInput,
  CaseNoteList,
  CaseloadPage,
  ProviderContact,
  ProviderContactInput,
  ProviderContactUpdate,
  ProviderDetail,
  ProviderInput,
  ProviderPageView,
  ProviderUpdate,
  ProgressImportResult,
  PublicationInput,
  PublicationList,
  PublicationView,
  QuestionProgressResult,
  QuestionProgressUpdate,
  Task,
  TaskInput,
  TaskList,
  TaskUpdate,
} from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';
import { type CaseloadQuery, caseloadApiParams } from '../caseload/caseload-query';
import { spreadsheetUpload } from './spreadsheet-upload';

/** One provider of one LSP, as the provider page's calls name it. */
export interface ProviderRef {
  slug: string;
  providerId: string;
}

function providerPath({ slug, providerId }: ProviderRef): string {
  return `${lspApiPath(slug)}/providers/${encodeURIComponent(providerId)}`;
}

/**
 * The caseload's calls (docs/caseload.md, docs/assessments-and-casework.md). The `...Resource` methods
 * must be called in an injection context (a component's field initialisers); they reload when their
 * signals change.
 */
@Injectable({ providedIn: 'root' })
export class CaseloadApi {
  private readonly http = inject(HttpClient);

  caseloadResource(slug: Signal<string>, query: Signal<CaseloadQuery>) {
    return httpResource<CaseloadPage>(() => ({
      url: `${lspApiPath(slug())}/providers`,
      params: caseloadApiParams(query()),
    }));
  }

  /** The LSP's advisers and admins: whom providers can be assigned to (anyone in the LSP may ask). */
  advisersResource(slug: Signal<string>) {
    return httpResource<AssignableAdviserList>(() => `${lspApiPath(slug())}/advisers`);
  }

  /** All or nothing. */
  assign(slug: string, request: BulkAssignRequest): Promise<BulkAssignResult> {
    return firstValueFrom(this.http.post<BulkAssignResult>(`${lspApiPath(slug)}/providers/assign`, request));
  }

  providerResource(provider: Signal<ProviderRef>) {
    return httpResource<ProviderDetail>(() => providerPath(provider()));
  }

  /** Nothing is asked while `provider` is undefined (a page that adds rather than edits). */
  optionalProviderResource(provider: Signal<ProviderRef | undefined>) {
    return httpResource<ProviderDetail>(() => {
      const ref = provider();
      return ref ? providerPath(ref) : undefined;
    });
  }

  getProvider(provider: ProviderRef): Promise<ProviderDetail> {
    return firstValueFrom(this.http.get<ProviderDetail>(providerPath(provider)));
  }

  /** 409 when any LSP holds the ODS code. */
  createProvider(slug: string, input: ProviderInput): Promise<ProviderDetail> {
    return firstValueFrom(this.http.post<ProviderDetail>(`${lspApiPath(slug)}/providers`, input));
  }

  /** 409 with `details` (StaleEditDetail) when someone saved since `version`. */
  updateProvider(provider: ProviderRef, update: ProviderUpdate): Promise<ProviderDetail> {
    return firstValueFrom(this.http.patch<ProviderDetail>(providerPath(provider), update));
  }

  archive(provider: ProviderRef): Promise<ProviderDetail> {
    return firstValueFrom(this.http.post<ProviderDetail>(`${providerPath(provider)}/archive`, {}));
  }

  unarchive(provider: ProviderRef): Promise<ProviderDetail> {
    return firstValueFrom(this.http.post<ProviderDetail>(`${providerPath(provider)}/unarchive`, {}));
  }

  /** Everything the provider page shows when it opens, in one request. */
  providerPageResource(provider: Signal<ProviderRef>) {
    return httpResource<ProviderPageView>(() => `${providerPath(provider())}/page`);
  }

  /** The current cycle's questions in the DSPT's order. */
  getAssessment(provider: ProviderRef): Promise<AssessmentView> {
    return this.getPart(provider, 'assessment');
  }

  getBlockers(provider: ProviderRef): Promise<BlockerList> {
    return this.getPart(provider, 'blockers');
  }

  getPublications(provider: ProviderRef): Promise<PublicationList> {
    return this.getPart(provider, 'publications');
  }

  getNotes(provider: ProviderRef): Promise<CaseNoteList> {
    return this.getPart(provider, 'notes');
  }

  getTasks(provider: ProviderRef): Promise<TaskList> {
    return this.getPart(provider, 'tasks');
  }

  /** The signed-in user's open tasks, overdue first. */
  myTasksResource(slug: Signal<string>) {
    return httpResource<TaskList>(() => `${lspApiPath(slug())}/tasks`);
  }

  updateQuestion(provider: ProviderRef, code: string, update: QuestionProgressUpdate): Promise<QuestionProgressResult> {
    return firstValueFrom(
      this.http.put<QuestionProgressResult>(
        `${providerPath(provider)}/assessment/questions/${encodeURIComponent(code)}`,
        update,
      ),
    );
  }

  /** Question statuses of the current cycle from a CSV or XLSX file (code, status, comment); all or nothing, every bad row named. */
  importQuestionStatuses(provider: ProviderRef, file: File): Promise<ProgressImportResult> {
    return firstValueFrom(
      this.http.post<ProgressImportResult>(`${providerPath(provider)}/assessment/import`, spreadsheetUpload(file)),
    );
  }

  /** 422 with the DSPT's reason when its rules refuse the publication. */
  recordPublication(provider: ProviderRef, input: PublicationInput): Promise<PublicationView> {
    return firstValueFrom(this.http.post<PublicationView>(`${providerPath(provider)}/publications`, input));
  }

  addNote(provider: ProviderRef, input: CaseNoteInput): Promise<CaseNote> {
    return firstValueFrom(this.http.post<CaseNote>(`${providerPath(provider)}/notes`, input));
  }

  addTask(provider: ProviderRef, input: TaskInput): Promise<Task> {
    return firstValueFrom(this.http.post<Task>(`${providerPath(provider)}/tasks`, input));
  }

  addContact(provider: ProviderRef, input: ProviderContactInput): Promise<ProviderContact> {
    return firstValueFrom(this.http.post<ProviderContact>(`${providerPath(provider)}/contacts`, input));
  }

  updateContact(provider: ProviderRef, contactId: string, update: ProviderContactUpdate): Promise<ProviderContact> {
    return firstValueFrom(
      this.http.patch<ProviderContact>(`${providerPath(provider)}/contacts/${encodeURIComponent(contactId)}`, update),
    );
  }

  removeContact(provider: ProviderRef, contactId: string): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(`${providerPath(provider)}/contacts/${encodeURIComponent(contactId)}`),
    );
  }

  updateTask(slug: string, taskId: string, update: TaskUpdate): Promise<Task> {
    return firstValueFrom(this.http.patch<Task>(`${lspApiPath(slug)}/tasks/${encodeURIComponent(taskId)}`, update));
  }

  private getPart<T>(provider: ProviderRef, part: string): Promise<T> {
    return firstValueFrom(this.http.get<T>(`${providerPath(provider)}/${part}`));
  }
}
