/**
 * The provider import and caseload export columns (contract: DESIGN.md §7), lower-case, in the template's
 * order. Their values are the API's enum values; `has_ce_plus` is yes or no.
 */
export const PROVIDER_SHEET_COLUMNS = [
  'ods_code',
  'name',
  'kind',
  'parent_ods_code',
  'service_type',
  'size_band',
  'local_authority',
  'region',
  'contact_name',
  'contact_email',
  'contact_role',
  'assigned_adviser_email',
  'has_ce_plus',
] as const;
export type ProviderSheetColumn = (typeof PROVIDER_SHEET_COLUMNS)[number];

/** Columns an import must have; the others may be left out (see docs/imports-and-exports.md for what that means). */
export const PROVIDER_SHEET_REQUIRED_COLUMNS = [
  'ods_code',
  'name',
  'kind',
  'service_type',
  'size_band',
  'local_authority',
  'region',
] as const;

/** What the caseload export adds after the import columns. The importer accepts and ignores them, so an export imports as it is. */
export const CASELOAD_EXPORT_EXTRA_COLUMNS = [
  'status',
  'progress_completed',
  'progress_total',
  'priority_score',
  'priority_reasons',
  'last_contact_at',
] as const;

export const CASELOAD_EXPORT_COLUMNS = [...PROVIDER_SHEET_COLUMNS, ...CASELOAD_EXPORT_EXTRA_COLUMNS] as const;

/** The contact columns: a row gives all three or none. */
export const PROVIDER_SHEET_CONTACT_COLUMNS = ['contact_name', 'contact_email', 'contact_role'] as const;

/** Imports of more rows than this run in the background and report their progress. */
export const PROVIDER_IMPORT_SYNC_LIMIT = 1_000;

/** The most rows one provider import takes (an LSP has about 1,100 providers; England about 28,600). */
export const PROVIDER_IMPORT_MAX_ROWS = 30_000;
