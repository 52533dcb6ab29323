import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ErasureResult, ProviderErasureRequest } from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';
import type { ProviderRef } from './caseload.api';

function providerPath({ slug, providerId }: ProviderRef): string {
  return `${lspApiPath(slug)}/providers/${encodeURIComponent(providerId)}`;
}

/** An LSP admin's erasure calls (docs/privacy.md#erasure). */
@Injectable({ providedIn: 'root' })
export class ErasureApi {
  private readonly http = inject(HttpClient);

  eraseContact(ref: ProviderRef, contactId: string): Promise<ErasureResult> {
    return firstValueFrom(
      this.http.post<ErasureResult>(`${providerPath(ref)}/contacts/${encodeURIComponent(contactId)}/erasure`, {}),
    );
  }

  eraseProvider(ref: ProviderRef, request: ProviderErasureRequest): Promise<ErasureResult> {
    return firstValueFrom(this.http.post<ErasureResult>(`${providerPath(ref)}/erasure`, request));
  }
}
