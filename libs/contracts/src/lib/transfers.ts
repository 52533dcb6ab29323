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
