import type { CoverageStatus } from '@dspt/domain';
import type { ApiErrorDetail } from './api-error';
import type { ImportStatus } from './imports';

/** `POST /api/cqc-register/imports` (system admin, multipart `file`: CSV, XLSX or ODS): 201 when done. */
export interface CqcRegisterImportResult {
  /** Data rows in the file. */
  rows: number;
  /** Rows kept by the adult social care rule. */
  kept: number;
  /** Locations in the register after the import (it replaces the previous register). */
  locations: number;
}

/** 202 for a large register: follow `statusUrl` (`GET /api/cqc-register/imports/{importId}`). */
export interface CqcRegisterImportProgress {
  importId: string;
  status: ImportStatus;
  processed: number;
  total: number;
  statusUrl: string;
  result?: CqcRegisterImportResult;
  message?: string;
  errors?: ApiErrorDetail[];
}

/** `GET /api/cqc-register`: what the register holds now. */
export interface CqcRegisterSummary {
  locations: number;
  localAuthorities: string[];
  updatedAt: string | null;
}

/** `GET` and `PUT /api/tenants/{slug}/local-authorities`. */
export interface LocalAuthorities {
  localAuthorities: string[];
}

export interface CoverageSummary {
  /** Registered adult social care locations in the LSP's local authorities. */
  registered: number;
  inCaseload: number;
  /** In another LSP's caseload (which one is never said). */
  elsewhere: number;
  notEngaged: number;
  /** Published per the DSPT status list (Approaching Standards or better). */
  publishedPerList: number;
  /** Not engaged and not published per the list: the outreach list. */
  outreach: number;
}

export interface CoverageItem {
  cqcLocationId: string;
  odsCode: string | null;
  name: string;
  localAuthority: string;
  region: string | null;
  careHome: boolean;
  inspectionCategory: string | null;
  providerName: string | null;
  status: CoverageStatus;
  /** Per the DSPT status list; null when the list does not name the location's ODS code. */
  dsptStatus: string | null;
}

/** `GET /api/tenants/{slug}/coverage?status=&published=&page=&pageSize=` */
export interface CoveragePage {
  summary: CoverageSummary;
  items: CoverageItem[];
  total: number;
  page: number;
  pageSize: number;
}

/** `POST /api/tenants/{slug}/coverage/claims` `{cqcLocationIds}`: all added, or none. */
export interface CoverageClaimResult {
  added: Array<{ cqcLocationId: string; providerId: string; odsCode: string; name: string }>;
}

/** `GET /api/stats/coverage?groupBy=region|tenant`: programme leads, aggregates only. */
export interface CoverageStatistics {
  groupBy: 'region' | 'tenant';
  groups: Array<{
    key: string;
    label: string;
    registered: number;
    engaged: number;
    published: number;
    /** Shares of registered, 0 to 1; null when none are registered. */
    engagedShare: number | null;
    publishedShare: number | null;
  }>;
}
