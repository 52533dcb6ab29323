import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DsptListImportAccepted, DsptListImportResult, DsptListRuns } from '@dspt/contracts';
import { firstValueFrom } from 'rxjs';

/** A system admin's calls on the DSPT status list. */
@Injectable({ providedIn: 'root' })
export class DsptListApi {
  private readonly http = inject(HttpClient);

  /** Recent imports and scheduled fetches, and the schedule. Call in an injection context. */
  runsResource() {
    return httpResource<DsptListRuns>(() => '/api/dspt-status/imports');
  }

  /** 201 with counts, or 202 for a large file; 400 naming the columns of a file that is no status list. */
  upload(file: File, listDate: string): Promise<DsptListImportResult | DsptListImportAccepted> {
    const body = new FormData();
    body.append('file', file, file.name);
    if (listDate) {
      body.append('listDate', listDate);
    }
    return firstValueFrom(
      this.http.post<DsptListImportResult | DsptListImportAccepted>('/api/dspt-status/imports', body),
    );
  }
}
