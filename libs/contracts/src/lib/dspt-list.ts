import type { DsptListMapping, PublicationLevel, ReconciliationKind } from '@dspt/domain';
import type { ApiErrorDetail } from './api-error';
import type { ImportStatus } from './imports';

/**
 * `POST /api/dspt-status/imports` (system admin, multipart `file`, optional form field `listDate`): 201 with
 * this, or 202 with `DsptListImportAccepted` for a large file.
 */
export interface DsptListImportResult {
  /** Data rows in the file. */
  rows: number;
  /** Listed codes held by a provider of some LSP. */
  matched: number;
  /** Listed codes (with a readable status) no LSP holds. */
  unmatched: number;
  /** Publications the import recorded (source "DSPT list"), branches covered by their HQ included. */
  publicationsRecorded: number;
  /** Reconciliation items open across every LSP after the import. */
  discrepancies: number;
  /** The import's id (the same as the earlier one's when the file was imported before). */
  importId: string;
  /** When the list was produced: the form's `listDate`, the fetch's Last-Modified, or the time of import. */
  listedAt: string;
  /** The header each field was read from. */
  mapping: DsptListMapping;
  /** Entries added or changed (an older list never changes a newer entry). */
  entriesChanged: number;
  /** Status values none of the four, with their rows: those rows were not imported. */
  unknownStatuses: Array<{ value: string; rows: number[] }>;
  /** Rows left out for another reason. */
  skipped: ApiErrorDetail[];
  /** True when this very file was imported before: nothing changed. */
  alreadyImported: boolean;
}

export interface DsptListImportAccepted {
  importId: string;
  status: ImportStatus;
  processed: number;
  total: number;
  /** `GET /api/dspt-status/imports/{importId}` */
  statusUrl: string;
}

export interface DsptListImportProgress {
  importId: string;
  status: ImportStatus;
  processed: number;
  total: number;
  result?: DsptListImportResult;
  message?: string;
  errors?: ApiErrorDetail[];
}

/** One import or scheduled fetch, as the admin page lists them (newest first). */
export interface DsptListRun {
  id: string;
  source: 'upload' | 'scheduled';
  fileName: string;
  at: string;
  listedAt: string | null;
  rows: number;
  matched: number;
  unmatched: number;
  publicationsRecorded: number;
  discrepancies: number;
  entriesChanged: number;
  unknownStatuses: Array<{ value: string; rows: number[] }>;
  mapping: DsptListMapping | null;
  error: string | null;
}

/** `GET /api/dspt-status/imports`: recent runs and whether a scheduled fetch is configured. */
export interface DsptListRuns {
  scheduled: { enabled: boolean; url: string | null; cron: string };
  entries: number;
  items: DsptListRun[];
}

/** One disagreement between the portal and the DSPT status list, for the current cycle. */
export interface ReconciliationItem {
  providerId: string;
  odsCode: string;
  name: string;
  kind: ReconciliationKind;
  /** The portal's level for the cycle, or null (nothing recorded). */
  portal: PublicationLevel | null;
  /** The list's level for the cycle, or null (not published in this cycle per the list). */
  official: PublicationLevel | null;
  /** The list's own words for it. */
  listStatus: string;
  listPublishedOn: string | null;
}

/** `GET /api/tenants/{slug}/reconciliation` */
export interface ReconciliationList {
  cycle: string;
  items: ReconciliationItem[];
  total: number;
}

/** `POST /api/tenants/{slug}/reconciliation/{providerId}` */
export interface ReconciliationResolution {
  action: 'accept' | 'keep';
  /** Required to keep the portal's value. */
  reason?: string;
}
