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
  ProviderDetail,
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
    return httpResource<CaseloadPage>(() => ({ url: `${lspApiPath(slug())}/providers`, params: caseloadApiParams(query()) }));
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

  /** The current cycle's questions in the DSPT's order. */
  assessmentResource(provider: Signal<ProviderRef>) {
    return httpResource<AssessmentView>(() => `${providerPath(provider())}/assessment`);
  }

  blockersResource(provider: Signal<ProviderRef>) {
    return httpResource<BlockerList>(() => `${providerPath(provider())}/blockers`);
  }

  publicationsResource(provider: Signal<ProviderRef>) {
    return httpResource<PublicationList>(() => `${providerPath(provider())}/publications`);
  }

  notesResource(provider: Signal<ProviderRef>) {
    return httpResource<CaseNoteList>(() => `${providerPath(provider())}/notes`);
  }

  tasksResource(provider: Signal<ProviderRef>) {
    return httpResource<TaskList>(() => `${providerPath(provider())}/tasks`);
  }

  /** The signed-in user's open tasks, overdue first. */
  myTasksResource(slug: Signal<string>) {
    return httpResource<TaskList>(() => `${lspApiPath(slug())}/tasks`);
  }

  updateQuestion(provider: ProviderRef, code: string, update: QuestionProgressUpdate): Promise<QuestionProgressResult> {
    return firstValueFrom(
      this.http.put<QuestionProgressResult>(`${providerPath(provider)}/assessment/questions/${encodeURIComponent(code)}`, update),
    );
  }

  /** Question statuses of the current cycle from a CSV or XLSX file (code, status, comment); all or nothing, every bad row named. */
  importQuestionStatuses(provider: ProviderRef, file: File): Promise<ProgressImportResult> {
    return firstValueFrom(this.http.post<ProgressImportResult>(`${providerPath(provider)}/assessment/import`, spreadsheetUpload(file)));
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

  updateTask(slug: string, taskId: string, update: TaskUpdate): Promise<Task> {
    return firstValueFrom(this.http.patch<Task>(`${lspApiPath(slug)}/tasks/${encodeURIComponent(taskId)}`, update));
  }
}
