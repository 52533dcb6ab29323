import {
  type ContactRole,
  ENGLISH_REGIONS,
  PROVIDER_STATUSES,
  type ProviderKind,
  type ProviderStatus,
  SERVICE_TYPES,
  type ServiceType,
  type SizeBand,
} from '@dspt/domain';

export interface ProviderContact {
  id: string;
  name: string;
  email: string;
  /** A UK number as typed, or null when not known. */
  phone: string | null;
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
  /** A UK number (01, 02, 03, 07 or 08; +44 allowed); null or absent when not known. */
  phone?: string | null;
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

/**
 * `GET /api/tenants/{slug}/providers/ods-check?code=&kind=`: whether a new provider could take this ODS
 * code, for the add-provider form as the adviser types. `registered` is true when any LSP holds the code
 * (which one is never said); `problem` is the code's first problem in words, or null when it can be used.
 */
export interface OdsCodeCheck {
  /** The code as it would be stored (trimmed, upper case). */
  odsCode: string;
  registered: boolean;
  problem: string | null;
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
  /** `parts`: each reason with the points it adds; they add up to `score`. */
  priority: { score: number; reasons: string[]; parts: Array<{ reason: string; points: number }> };
  kind: ProviderKind;
  serviceType: ServiceType;
  region: string;
  assignedAdviser: { id: string; displayName: string } | null;
  lastContactAt: string | null;
  overdueTasks: number;
  /** The provider's open task due first, with its due date (YYYY-MM-DD); null when none is open. */
  nextTask: { title: string; dueOn: string } | null;
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
  /** The cycle's deadline (YYYY-MM-DD) and the days from today (Europe/London) to it, negative once passed. */
  deadline: string;
  daysToDeadline: number;
}

export const CASELOAD_SORTS = ['priority', 'name', 'progress', 'lastContact'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export const CASELOAD_VIEWS = ['mine', 'at-risk'] as const;
export type CaseloadView = (typeof CASELOAD_VIEWS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * The caseload list's query parameters as both ends read them: the API validates them, the page keeps them
 * in its address (DESIGN.md §7 caseload contract).
 */
export const CASELOAD_DEFAULT_SORT: CaseloadSort = 'priority';

/** Each sort's natural order, most useful first (most urgent, A to Z, least complete, longest without contact); `direction` reverses it. */
export const CASELOAD_NATURAL_DIRECTION: Readonly<Record<CaseloadSort, SortDirection>> = {
  priority: 'desc',
  name: 'asc',
  progress: 'asc',
  lastContact: 'asc',
};

export const CASELOAD_DEFAULT_PAGE_SIZE = 25;
export const CASELOAD_MAX_PAGE_SIZE = 200;
export const CASELOAD_SEARCH_MAX_LENGTH = 100;

/** The caseload's query parameters that take one of a list of values, and each one's values. */
export const CASELOAD_CHOICES = {
  status: PROVIDER_STATUSES,
  region: ENGLISH_REGIONS,
  serviceType: SERVICE_TYPES,
  view: CASELOAD_VIEWS,
  sort: CASELOAD_SORTS,
  direction: SORT_DIRECTIONS,
} as const;
export type CaseloadChoice<K extends keyof typeof CASELOAD_CHOICES> = (typeof CASELOAD_CHOICES)[K][number];

/** The adviser filter: a user id, or `none` for providers nobody is assigned to. */
export const CASELOAD_ADVISER_FILTER = /^(none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

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
