import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ProgrammeLead, ProgrammeLeadList } from '@dspt/contracts';
import { firstValueFrom } from 'rxjs';

/** A system admin's calls on programme leads. */
@Injectable({ providedIn: 'root' })
export class ProgrammeLeadsApi {
  private readonly http = inject(HttpClient);

  /** Call in an injection context. */
  programmeLeadsResource() {
    return httpResource<ProgrammeLeadList>(() => '/api/admin/programme-leads');
  }

  /** Invites a programme lead by email. */
  invite(email: string): Promise<ProgrammeLead> {
    return firstValueFrom(this.http.post<ProgrammeLead>('/api/admin/programme-leads', { email }));
  }
}
