import type { ContactRole, ProviderKind, ProviderStatus, ServiceType, SizeBand } from '@dspt/domain';

export interface ProviderContact {
  id: string;
  name: string;
  email: string;
  role: ContactRole;
  isPrimary: boolean;
  unsubscribedAt: string | null;
}

export interface ProviderContactInput {
  name: string;
  email: string;
  role: ContactRole;
  isPrimary?: boolean;
}

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
}

/**
 * `GET /api/tenants/{slug}/providers?search=&status=&adviser=&region=&serviceType=&view=&sort=&page=&pageSize=&cycle=`
 * sort: `priority` (default), `name`, `progress`, `lastContact`; view: `mine`, `at-risk`.
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

/** `POST /api/tenants/{slug}/providers/assign`: bulk-assign an adviser (null unassigns). */
export interface BulkAssignRequest {
  providerIds: string[];
  adviserId: string | null;
}
