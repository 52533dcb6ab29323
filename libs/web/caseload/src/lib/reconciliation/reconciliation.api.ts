import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, type Signal, inject } from '@angular/core';
import type { ReconciliationList, ReconciliationResolution } from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';

/** An LSP's disagreements with the DSPT status list, and resolving them. */
@Injectable({ providedIn: 'root' })
export class ReconciliationApi {
  private readonly http = inject(HttpClient);

  /** Call in an injection context. */
  listResource(slug: Signal<string>) {
    return httpResource<ReconciliationList>(() => `${lspApiPath(slug())}/reconciliation`);
  }

  /** 409 when there is nothing left to resolve; 400 naming `reason` when keeping without one. */
  resolve(slug: string, providerId: string, resolution: ReconciliationResolution): Promise<ReconciliationList> {
    return firstValueFrom(
      this.http.post<ReconciliationList>(`${lspApiPath(slug)}/reconciliation/${providerId}`, resolution),
    );
  }
}
