import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, type Signal, inject } from '@angular/core';
import type {
  CoverageClaimResult,
  CoveragePage,
  CqcRegisterImportProgress,
  CqcRegisterImportResult,
  CqcRegisterSummary,
  LocalAuthorities,
} from '@dspt/contracts';
import type { CoverageStatus } from '@dspt/domain';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';
import { type ImportWatch, ProviderImportsApi } from './provider-imports.api';
import { spreadsheetUpload } from './spreadsheet-upload';

export interface CoverageQuery {
  status: CoverageStatus | null;
  published: 'yes' | 'no' | null;
  page: number;
}

export const COVERAGE_PAGE_SIZE = 25;

function coverageParams(query: Omit<CoverageQuery, 'page'> & { page?: number }): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ ...query, pageSize: query.page ? COVERAGE_PAGE_SIZE : undefined })
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([key, value]) => [key, String(value)]),
  );
}

/** The CQC register, the LSP's local authorities and its coverage (docs/imports-and-exports.md). */
@Injectable({ providedIn: 'root' })
export class CoverageApi {
  private readonly http = inject(HttpClient);
  private readonly imports = inject(ProviderImportsApi);

  coverageResource(slug: Signal<string>, query: Signal<CoverageQuery>) {
    return httpResource<CoveragePage>(() => ({
      url: `${lspApiPath(slug())}/coverage`,
      params: coverageParams(query()),
    }));
  }

  exportUrl(slug: string, query: Omit<CoverageQuery, 'page'>): string {
    const params = new URLSearchParams(coverageParams(query)).toString();
    return `${lspApiPath(slug)}/coverage/export${params ? `?${params}` : ''}`;
  }

  claim(slug: string, cqcLocationIds: readonly string[]): Promise<CoverageClaimResult> {
    return firstValueFrom(
      this.http.post<CoverageClaimResult>(`${lspApiPath(slug)}/coverage/claims`, { cqcLocationIds }),
    );
  }

  localAuthoritiesResource(slug: Signal<string>) {
    return httpResource<LocalAuthorities>(() => `${lspApiPath(slug())}/local-authorities`);
  }

  saveLocalAuthorities(slug: string, localAuthorities: readonly string[]): Promise<LocalAuthorities> {
    return firstValueFrom(
      this.http.put<LocalAuthorities>(`${lspApiPath(slug)}/local-authorities`, { localAuthorities }),
    );
  }

  registerResource() {
    return httpResource<CqcRegisterSummary>(() => '/api/cqc-register');
  }

  /** The result at once for a small file; a large one is followed until done (progress through `watch`). */
  async importRegister(file: File, watch: ImportWatch = {}): Promise<CqcRegisterImportResult> {
    const response = await firstValueFrom(
      this.http.post<CqcRegisterImportResult | CqcRegisterImportProgress>(
        '/api/cqc-register/imports',
        spreadsheetUpload(file),
        { observe: 'response' },
      ),
    );
    const body = response.body;
    if (response.status !== 202 || !body || !('importId' in body)) {
      return body as CqcRegisterImportResult;
    }
    return this.imports.follow<CqcRegisterImportResult>(body, watch);
  }
}
