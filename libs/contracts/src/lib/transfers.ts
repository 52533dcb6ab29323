import type { ProviderKind } from '@dspt/domain';

/** `POST /api/admin/providers/{odsCode}/transfer` (system admins): the provider moved area. */
export interface ProviderTransferRequest {
  /** The LSP to move it to. */
  toTenantSlug: string;
  /** Why, for both LSPs' audit trails. */
  reason: string;
}

export interface ProviderTransferResult {
  odsCode: string;
  name: string;
  from: { slug: string; name: string };
  to: { slug: string; name: string };
  /** The provider and, for an HQ, its branches, each with its whole history. */
  moved: Array<{ id: string; odsCode: string; name: string; kind: ProviderKind }>;
}

/** An LSP as another LSP may know it: its name and slug (names of LSPs are not secret). */
export interface LspName {
  slug: string;
  name: string;
}

/** `GET /api/tenants/{slug}/transfer-requests/lsps`: the LSPs a provider may be offered to (every other LSP). */
export interface LspNameList {
  items: LspName[];
}

/** `POST /api/tenants/{slug}/providers/{providerId}/transfer-requests`: offer the provider to another LSP. */
export interface TransferRequestInput {
  toTenantSlug: string;
  /** Why, for the receiving LSP: all it reads about the provider besides its name and ODS code. */
  note: string;
}

/** `POST .../transfer-requests/{id}/accept` and `/cancel`: the version the answer started from. */
export interface TransferAnswerInput {
  version: number;
}

/** `POST .../transfer-requests/{id}/decline`. */
export interface TransferDeclineInput extends TransferAnswerInput {
  reason: string;
}

export type TransferRequestStatus = 'pending' | 'accepted' | 'declined' | 'cancelled';

/** A request to move a provider, as either LSP (or a system admin) sees it. */
export interface TransferRequestView {
  id: string;
  status: TransferRequestStatus;
  /** From the reader's LSP's side; null for a system admin's list. */
  direction: 'incoming' | 'outgoing' | null;
  /** The minimum of the provider (as it was when offered). */
  provider: { id: string; odsCode: string; name: string; branchCount: number };
  from: LspName;
  to: LspName;
  note: string;
  declineReason: string | null;
  requestedBy: string | null;
  requestedAt: string;
  answeredBy: string | null;
  answeredAt: string | null;
  version: number;
}

export interface TransferRequestList {
  items: TransferRequestView[];
  /** Requests waiting for this LSP's answer (for a system admin: every waiting request). */
  waiting: number;
}
