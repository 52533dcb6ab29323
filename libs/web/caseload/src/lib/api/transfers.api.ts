import { HttpClient, httpResource } from '@angular/common/http';
import { Injectable, inject, type Signal } from '@angular/core';
import type {
  LspNameList,
  TransferDeclineInput,
  TransferRequestInput,
  TransferRequestList,
  TransferRequestView,
} from '@dspt/contracts';
import { lspApiPath } from '@dspt/web/core';
import { firstValueFrom } from 'rxjs';
import type { ProviderRef } from './caseload.api';

/** A system admin's requests: every LSP's, answered for the LSP each was made to. */
const PROGRAMME_REQUESTS = '/api/transfer-requests';

/**
 * Moving a provider between LSPs as a request and an answer (docs/caseload.md). Answers take the LSP's slug,
 * or null for a system admin answering through the programme's endpoints.
 */
@Injectable({ providedIn: 'root' })
export class TransfersApi {
  private readonly http = inject(HttpClient);

  requestsResource(slug: Signal<string>) {
    return httpResource<TransferRequestList>(() => `${lspApiPath(slug())}/transfer-requests`);
  }

  /** Every LSP's requests, waiting ones first (system admins). */
  programmeRequestsResource() {
    return httpResource<TransferRequestList>(() => PROGRAMME_REQUESTS);
  }

  otherLspsResource(slug: Signal<string>) {
    return httpResource<LspNameList>(() => `${lspApiPath(slug())}/transfer-requests/lsps`);
  }

  offer({ slug, providerId }: ProviderRef, input: TransferRequestInput): Promise<TransferRequestView> {
    const path = `${lspApiPath(slug)}/providers/${encodeURIComponent(providerId)}/transfer-requests`;
    return firstValueFrom(this.http.post<TransferRequestView>(path, input));
  }

  accept(slug: string | null, request: TransferRequestView): Promise<TransferRequestView> {
    return this.answer(slug, request, 'accept', { version: request.version });
  }

  decline(slug: string | null, request: TransferRequestView, reason: string): Promise<TransferRequestView> {
    const body: TransferDeclineInput = { version: request.version, reason };
    return this.answer(slug, request, 'decline', body);
  }

  cancel(slug: string | null, request: TransferRequestView): Promise<TransferRequestView> {
    return this.answer(slug, request, 'cancel', { version: request.version });
  }

  private answer(slug: string | null, request: TransferRequestView, action: string, body: object) {
    const base = slug === null ? PROGRAMME_REQUESTS : `${lspApiPath(slug)}/transfer-requests`;
    const path = `${base}/${encodeURIComponent(request.id)}/${action}`;
    return firstValueFrom(this.http.post<TransferRequestView>(path, body));
  }
}
