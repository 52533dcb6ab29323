import type { ProviderStatus } from '@dspt/domain';
import type { ApiErrorDetail } from './api-error';

/**
 * `POST /api/tenants/{slug}/imports/providers` (multipart `file`, CSV or XLSX) answers this (200) when the
 * file has at most 1,000 rows; larger files answer `ImportAccepted` (202) and are followed with
 * `GET /api/tenants/{slug}/imports/{importId}`. All or nothing: a refusal (400, or 409 when only codes
 * registered elsewhere are the problem) lists every bad row in `details` as `{row, field, message}`.
 */
export interface ProviderImportResult {
  /** Providers added. */
  created: number;
  /** Providers already in the LSP (matched by ODS code) whose fields changed. */
  updated: number;
  /** Providers already in the LSP that the file left as they were (their contact may still have changed). */
  unchanged: number;
  /** Contacts added or changed (matched by email within the provider). */
  contacts: number;
  /** Data rows in the file. */
  rows: number;
}

export const IMPORT_STATUSES = ['validating', 'importing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** 202 from an import too large to answer at once. */
export interface ImportAccepted {
  importId: string;
  status: ImportStatus;
  processed: number;
  total: number;
  /** Where to follow it: `GET /api/tenants/{slug}/imports/{importId}`. */
  statusUrl: string;
}

/** `GET /api/tenants/{slug}/imports/{importId}`: kept for a day after the import. */
export interface ImportProgress {
  importId: string;
  status: ImportStatus;
  /** Rows checked (validating) or written (importing) so far. */
  processed: number;
  total: number;
  /** When done. */
  result?: ProviderImportResult;
  /** When failed: why, with every bad row when the file was refused. Nothing was imported. */
  message?: string;
  errors?: ApiErrorDetail[];
}

/** `POST /api/tenants/{slug}/providers/{id}/assessment/import?cycle=` (multipart `file`: code, status, comment). */
export interface ProgressImportResult {
  cycle: string;
  rows: number;
  /** Questions whose status or comment changed. */
  changed: number;
  progress: { completed: number; total: number };
  status: ProviderStatus;
}
