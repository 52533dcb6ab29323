import type { ContactRole, ProviderKind, ProviderStatus, ServiceType, SizeBand } from '@dspt/domain';

export interface ProviderContact {
  id: string;
  name: string;
  email: string;
  role: ContactRole;
  isPrimary: boolean;
  unsubscribedAt: string | null;
}

/**
 * `POST /api/tenants/{slug}/providers/{id}/contacts`; `PATCH .../contacts/{contactId}` takes any subset.
 * A provider has at most one primary contact: making one primary makes the previous one an ordinary
 * contact. `isPrimary` defaults to true for a provider's first contact.
 */
export interface ProviderContactInput {
  name: string;
  email: string;
  role: ContactRole;
  isPrimary?: boolean;
}

export type ProviderContactUpdate = Partial<ProviderContactInput>;

/** `POST /api/tenants/{slug}/providers`; `PATCH .../providers/{id}` takes any subset plus `version`. */
export interface ProviderInput {
  odsCode: string;
  name: string;
  kind: ProviderKind;
  /** The HQ's ODS code, for a branch. */
  parentOdsCode?: string | null;
  serviceType: ServiceType;
  sizeBand: SizeBand;
  localAuthority: string;
  region: string;
  assignedAdviserId?: string | null;
  hasCePlus?: boolean;
  contacts?: ProviderContactInput[];
}

export interface ProviderUpdate extends Partial<Omit<ProviderInput, 'contacts'>> {
  /** The version the edit started from; a newer one on the server gives 409 with what changed. */
  version: number;
}

export interface ProviderDetail {
  id: string;
  odsCode: string;
  name: string;
  kind: ProviderKind;
  parent: { id: string; odsCode: string; name: string } | null;
  branches: Array<{ id: string; odsCode: string; name: string }>;
  serviceType: ServiceType;
  sizeBand: SizeBand;
  localAuthority: string;
  region: string;
  assignedAdviser: { id: string; displayName: string; email: string } | null;
  hasCePlus: boolean;
  lastContactAt: string | null;
  archivedAt: string | null;
  version: number;
  contacts: ProviderContact[];
  /** For the current cycle. */
  status: ProviderStatus;
  progress: { completed: number; total: number };
}

/** 409 on a stale edit: `details` name each field someone else changed, with their value. */
export interface StaleEditDetail {
  field: string;
  message: string;
  current: unknown;
}

/** One row of the caseload (contract: DESIGN.md §7). */
export interface CaseloadItem {
  id: string;
  name: string;
  odsCode: string;
  status: ProviderStatus;
  progress: { completed: number; total: number };
  priority: { score: number; reasons: string[] };
  kind: ProviderKind;
  serviceType: ServiceType;
  region: string;
  assignedAdviser: { id: string; displayName: string } | null;
  lastContactAt: string | null;
  overdueTasks: number;
  /** Set only when the list was asked for with `includeArchived=true`. */
  archivedAt: string | null;
}

/**
 * `GET /api/tenants/{slug}/providers?search=&status=&adviser=&region=&serviceType=&view=&sort=&direction=&page=&pageSize=&cycle=&includeArchived=`
 * sort: `priority` (default, most urgent first), `name` (A to Z), `progress` (least complete first),
 * `lastContact` (never contacted, then longest ago, first); `direction` reverses these defaults.
 * view: `mine` (assigned to me), `at-risk`. `adviser`: a user id, or `none` for unassigned providers.
 * Archived providers are left out unless `includeArchived=true`.
 */
export interface CaseloadPage {
  items: CaseloadItem[];
  total: number;
  page: number;
  pageSize: number;
  cycle: string;
}

export const CASELOAD_SORTS = ['priority', 'name', 'progress', 'lastContact'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export const CASELOAD_VIEWS = ['mine', 'at-risk'] as const;
export type CaseloadView = (typeof CASELOAD_VIEWS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** `POST /api/tenants/{slug}/providers/assign`: bulk-assign an adviser (null unassigns). */
export interface BulkAssignRequest {
  providerIds: string[];
  adviserId: string | null;
}

/** All or nothing: either every provider now has the adviser, or the request failed and nothing changed. */
export interface BulkAssignResult {
  /** Providers whose adviser changed. */
  assigned: number;
  /** Providers that already had this adviser. */
  unchanged: number;
}
