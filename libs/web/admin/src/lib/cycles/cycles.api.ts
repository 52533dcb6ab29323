import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangeCycleDeadlineRequest,
  CreateCycleRequest,
  CurrentCycleRequest,
  CycleList,
  CycleSummary,
  QuestionSetImportResult,
} from '@dspt/contracts';
import { firstValueFrom } from 'rxjs';

/** The CSV or XLSX template a question-set import reads. */
export const QUESTION_SET_TEMPLATE_URL = '/api/admin/cycles/question-set-template';

/** A system admin's calls on assessment cycles and their question sets. */
@Injectable({ providedIn: 'root' })
export class CyclesApi {
  private readonly http = inject(HttpClient);

  /** Every cycle, newest deadline first. Call in an injection context. */
  cyclesResource() {
    return httpResource<CycleList>(() => '/api/admin/cycles');
  }

  /** 409 when the cycle exists; 400 naming `code` or `deadline`. */
  create(request: CreateCycleRequest): Promise<CycleSummary> {
    return firstValueFrom(this.http.post<CycleSummary>('/api/admin/cycles', request));
  }

  /** 400 naming `deadline` when it cannot end the cycle. */
  changeDeadline(code: string, deadline: string): Promise<CycleSummary> {
    const request: ChangeCycleDeadlineRequest = { deadline };
    return firstValueFrom(this.http.patch<CycleSummary>(`/api/admin/cycles/${encodeURIComponent(code)}`, request));
  }

  /** Makes `code` the current cycle whatever the date, or (null) lets the date decide again; answers every cycle. */
  chooseCurrent(code: string | null): Promise<CycleList> {
    const request: CurrentCycleRequest = { code };
    return firstValueFrom(this.http.put<CycleList>('/api/admin/cycles/current', request));
  }

  /**
   * Sends a question-set file: with `dryRun` the API only checks it and says what it would change. 400 with
   * every bad row named; 409 once LSPs have started assessments in the cycle.
   */
  importQuestionSet(code: string, file: File, dryRun: boolean): Promise<QuestionSetImportResult> {
    const body = new FormData();
    body.append('file', file, file.name);
    const query = dryRun ? '?dryRun=true' : '';
    return firstValueFrom(
      this.http.put<QuestionSetImportResult>(`/api/admin/cycles/${encodeURIComponent(code)}/questions${query}`, body),
    );
  }
}
