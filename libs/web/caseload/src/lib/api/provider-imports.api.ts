import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportAccepted, ImportProgress, ProviderImportResult } from '@dspt/contracts';
import { API_FAILED_MESSAGE, ApiProblemError, apiProblemFrom, lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';
import { type SpreadsheetFormat, spreadsheetUpload } from './spreadsheet-upload';

/** How often a background import's progress is asked for. */
export const IMPORT_POLL_MS = 1_000;
/** Failed progress requests in a row (network, 5xx) after which following an import stops. */
const MAX_MISSED_POLLS = 3;

/** What a background import reports, whatever it imports. */
export type FollowedImport<R> = Omit<ImportProgress, 'result'> & { result?: R };

/** How to follow a large import. */
export interface ImportWatch {
  /** Each progress report of a background import, the first one (from the 202) included. */
  progress?: (progress: ImportProgress) => void;
  /** Stops following (the page was left). */
  signal?: AbortSignal;
}

/**
 * Provider imports (docs/imports-and-exports.md). A file of up to 1,000 rows is answered at once; a
 * larger one answers 202 and is followed until it is done or failed. Either way the caller gets the
 * counts, or a refusal that `apiProblemFrom` reads with every bad row: a background import that failed
 * is thrown like the refusal a small file would have had.
 */
@Injectable({ providedIn: 'root' })
export class ProviderImportsApi {
  private readonly http = inject(HttpClient);

  /** The template (an HQ, a branch and a single site that import as they are), for a link to download. */
  templateUrl(slug: string, format: SpreadsheetFormat): string {
    return `${lspApiPath(slug)}/imports/providers/template?format=${format}`;
  }

  async importProviders(slug: string, file: File, watch: ImportWatch = {}): Promise<ProviderImportResult> {
    const response = await firstValueFrom(
      this.http.post<ProviderImportResult | ImportAccepted>(
        `${lspApiPath(slug)}/imports/providers`,
        spreadsheetUpload(file),
        {
          observe: 'response',
        },
      ),
    );
    const body = response.body;
    if (response.status !== 202 || !body || !('importId' in body)) {
      return body as ProviderImportResult;
    }
    return this.follow(body, watch);
  }

  /**
   * Follows a background import (any kind: providers, the CQC register) from its 202 until it is done or
   * failed: its result, or the refusal thrown as `ApiProblemError` with every bad row.
   */
  async follow<R = ProviderImportResult>(
    accepted: FollowedImport<R> & { statusUrl: string },
    watch: ImportWatch = {},
  ): Promise<R> {
    let progress: FollowedImport<R> = {
      importId: accepted.importId,
      status: accepted.status,
      processed: accepted.processed,
      total: accepted.total,
    };
    let missed = 0;
    for (;;) {
      watch.progress?.(progress as ImportProgress);
      if (progress.status === 'done' && progress.result) {
        return progress.result;
      }
      if (progress.status === 'done' || progress.status === 'failed') {
        const message = progress.message ?? API_FAILED_MESSAGE;
        throw new ApiProblemError({ status: 400, message, details: progress.errors ?? [] });
      }
      await pause(IMPORT_POLL_MS, watch.signal);
      try {
        progress = await firstValueFrom(this.http.get<FollowedImport<R>>(accepted.statusUrl));
        missed = 0;
      } catch (failure: unknown) {
        const { status } = apiProblemFrom(failure);
        const transient = status === 0 || status >= 500;
        if (!transient || ++missed >= MAX_MISSED_POLLS) {
          throw failure;
        }
      }
    }
  }
}

/** Waits `ms`, or rejects at once with the signal's reason when it is aborted. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });
}
