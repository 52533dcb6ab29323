import type { CaseloadItem } from '@dspt/contracts';
import { CASELOAD_EXPORT_COLUMNS, type ContactRole, type SizeBand } from '@dspt/domain';
import type { Cell } from '@dspt/server/platform';

/** What the export adds to a caseload item: the import columns the list does not carry. */
export interface ProviderExportDetails {
  parentOdsCode: string | null;
  sizeBand: SizeBand;
  localAuthority: string;
  hasCePlus: boolean;
  adviserEmail: string | null;
  /** The primary contact (or the first, when none is primary). */
  contact: { name: string; email: string; role: ContactRole } | null;
}

type ExportColumn = (typeof CASELOAD_EXPORT_COLUMNS)[number];

/** One exported row, in the columns' order; the import columns hold exactly what the importer takes back. */
export function caseloadExportRow(item: CaseloadItem, details: ProviderExportDetails): Cell[] {
  const cells: Record<ExportColumn, Cell> = {
    ods_code: item.odsCode,
    name: item.name,
    kind: item.kind,
    parent_ods_code: details.parentOdsCode,
    service_type: item.serviceType,
    size_band: details.sizeBand,
    local_authority: details.localAuthority,
    region: item.region,
    contact_name: details.contact?.name,
    contact_email: details.contact?.email,
    contact_role: details.contact?.role,
    assigned_adviser_email: details.adviserEmail,
    has_ce_plus: details.hasCePlus ? 'yes' : 'no',
    status: item.status,
    progress_completed: item.progress.completed,
    progress_total: item.progress.total,
    priority_score: item.priority.score,
    priority_reasons: item.priority.reasons.join(' · '),
    last_contact_at: item.lastContactAt,
  };
  return CASELOAD_EXPORT_COLUMNS.map((column) => cells[column]);
}
