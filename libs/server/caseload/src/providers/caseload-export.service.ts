import { CASELOAD_EXPORT_COLUMNS, type ContactRole, type SizeBand } from '@dspt/domain';
import { AuditService, requireTenantContext, ScopedDatabase } from '@dspt/server/data';
import { Clock } from '@dspt/server/platform';
import type { SpreadsheetDownload } from '@dspt/server/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { caseloadExportRow, type ProviderExportDetails } from './caseload-export-rows';
import type { CaseloadFilterQuery } from './caseload-query.dto';
import { CaseloadService } from './caseload.service';

interface DetailRow {
  id: string;
  parent_ods_code: string | null;
  size_band: SizeBand;
  local_authority: string;
  has_ce_plus: boolean;
  adviser_email: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_role: ContactRole | null;
}

/** The import columns the caseload list does not carry, for these providers of the current LSP. */
async function loadExportDetails(
  manager: EntityManager,
  providerIds: string[],
): Promise<Map<string, ProviderExportDetails>> {
  const rows: DetailRow[] = await manager.query(
    `SELECT p.id, parent.ods_code AS parent_ods_code, p.size_band, p.local_authority, p.has_ce_plus, u.email AS adviser_email,
            c.name AS contact_name, c.email AS contact_email, c.role AS contact_role
     FROM providers p
     LEFT JOIN providers parent ON parent.id = p.parent_id
     LEFT JOIN users u ON u.id = p.assigned_adviser_id
     LEFT JOIN LATERAL (
       SELECT name, email, role FROM provider_contacts WHERE provider_id = p.id ORDER BY is_primary DESC, created_at, email LIMIT 1
     ) c ON true
     WHERE p.id = ANY($1)`,
    [providerIds],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        parentOdsCode: row.parent_ods_code,
        sizeBand: row.size_band,
        localAuthority: row.local_authority,
        hasCePlus: row.has_ce_plus,
        adviserEmail: row.adviser_email,
        contact: row.contact_email
          ? { name: row.contact_name ?? '', email: row.contact_email, role: row.contact_role ?? 'other' }
          : null,
      },
    ]),
  );
}

/**
 * The caseload as a spreadsheet: every provider the list's filters select, in the list's order, with the
 * import columns (so the file imports back as it is) and the list's standing and priority. Audited,
 * since it carries contact details out of the portal.
 */
@Injectable()
export class CaseloadExportService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly caseload: CaseloadService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  export(query: CaseloadFilterQuery): Promise<SpreadsheetDownload> {
    const tenant = requireTenantContext();
    return this.database.inCurrentTenant(async (manager) => {
      const { cycle, items } = await this.caseload.ranked(manager, query);
      const details = await loadExportDetails(
        manager,
        items.map((item) => item.id),
      );
      await this.audit.record(
        {
          action: 'caseload.exported',
          tenantId: tenant.id,
          target: { type: 'tenant', id: tenant.id },
          after: { cycle: cycle.code, providers: items.length, filters: { ...query } },
        },
        manager,
      );
      return {
        filename: `caseload-${tenant.slug}-${cycle.code}-${this.clock.today()}`,
        sheetName: 'Caseload',
        columns: CASELOAD_EXPORT_COLUMNS,
        rows: items.flatMap((item) => {
          const row = details.get(item.id);
          return row ? [caseloadExportRow(item, row)] : [];
        }),
      };
    });
  }
}
