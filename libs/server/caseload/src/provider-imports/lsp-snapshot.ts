import { type ContactRole, odsCodeProblem, type ProviderKind, type ServiceType, type SizeBand } from '@dspt/domain';
import { ASSIGNABLE_ROLES } from '../providers';
import type { EntityManager } from 'typeorm';
import type { ExistingContact, ExistingProvider, LspSnapshot } from './provider-import-plan';
import type { ProviderSheetRow } from './provider-sheet-rows';

interface ProviderRow {
  id: string;
  ods_code: string;
  name: string;
  kind: ProviderKind;
  parent_ods_code: string | null;
  service_type: ServiceType;
  size_band: SizeBand;
  local_authority: string;
  region: string;
  assigned_adviser_id: string | null;
  has_ce_plus: boolean;
  archived: boolean;
  version: number;
}

/** The file's codes and the HQs it names that are already in this LSP, locked until the import ends. */
async function existingProviders(manager: EntityManager, codes: string[]): Promise<Map<string, ExistingProvider>> {
  const rows: ProviderRow[] = await manager.query(
    `SELECT p.id, p.ods_code, p.name, p.kind, parent.ods_code AS parent_ods_code, p.service_type, p.size_band, p.local_authority,
            p.region, p.assigned_adviser_id, p.has_ce_plus, p.archived_at IS NOT NULL AS archived, p.version
     FROM providers p LEFT JOIN providers parent ON parent.id = p.parent_id
     WHERE p.ods_code = ANY($1)
     FOR NO KEY UPDATE OF p`,
    [codes],
  );
  return new Map(
    rows.map((row) => [
      row.ods_code,
      {
        id: row.id,
        archived: row.archived,
        version: row.version,
        fields: {
          odsCode: row.ods_code,
          name: row.name,
          kind: row.kind,
          parentOdsCode: row.parent_ods_code,
          serviceType: row.service_type,
          sizeBand: row.size_band,
          localAuthority: row.local_authority,
          region: row.region,
          assignedAdviserId: row.assigned_adviser_id,
          hasCePlus: row.has_ce_plus,
        },
      },
    ]),
  );
}

async function existingContacts(manager: EntityManager, providerIds: string[]): Promise<ExistingContact[]> {
  if (providerIds.length === 0) {
    return [];
  }
  return manager.query(
    `SELECT id, provider_id AS "providerId", name, email, role, is_primary AS "isPrimary" FROM provider_contacts WHERE provider_id = ANY($1)`,
    [providerIds],
  ) as Promise<Array<ExistingContact & { role: ContactRole }>>;
}

async function branchesOf(manager: EntityManager, hqCodes: string[]): Promise<Map<string, string[]>> {
  if (hqCodes.length === 0) {
    return new Map();
  }
  const rows: Array<{ hq: string; branches: string[] }> = await manager.query(
    `SELECT hq.ods_code AS hq, array_agg(branch.ods_code) AS branches
     FROM providers branch JOIN providers hq ON hq.id = branch.parent_id WHERE hq.ods_code = ANY($1) GROUP BY hq.ods_code`,
    [hqCodes],
  );
  return new Map(rows.map((row) => [row.hq, row.branches]));
}

/** Advisers and admins of this LSP (memberships are scoped to it) with these addresses. */
async function assignableByEmail(manager: EntityManager, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) {
    return new Map();
  }
  const rows: Array<{ id: string; email: string }> = await manager.query(
    `SELECT DISTINCT u.id, lower(u.email) AS email FROM users u JOIN memberships m ON m.user_id = u.id
     WHERE m.role = ANY($1) AND lower(u.email) = ANY($2)`,
    [ASSIGNABLE_ROLES, emails],
  );
  return new Map(rows.map((row) => [row.email, row.id]));
}

/**
 * Which of these codes another LSP already holds. Row-level security hides other LSPs' providers, but not
 * the national unique index: the codes are inserted as placeholders inside a savepoint that is always
 * rolled back, and those the index turned away are taken. Nothing is kept, and no LSP is named.
 */
async function codesTakenElsewhere(manager: EntityManager, tenantId: string, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) {
    return new Set();
  }
  await manager.query('SAVEPOINT ods_code_probe');
  try {
    const inserted: Array<{ ods_code: string }> = await manager.query(
      `INSERT INTO providers (tenant_id, ods_code, name, kind, service_type, size_band, local_authority, region)
       SELECT $1, code, 'probe', 'single_site', 'other', 'micro', 'probe', 'London' FROM unnest($2::text[]) AS code
       ON CONFLICT (ods_code) DO NOTHING RETURNING ods_code`,
      [tenantId, codes],
    );
    const free = new Set(inserted.map((row) => row.ods_code));
    return new Set(codes.filter((code) => !free.has(code)));
  } finally {
    await manager.query('ROLLBACK TO SAVEPOINT ods_code_probe');
  }
}

/** Everything the checks of a provider import need from the database, in the import's transaction. */
export async function loadLspSnapshot(
  manager: EntityManager,
  tenantId: string,
  rows: readonly ProviderSheetRow[],
): Promise<LspSnapshot> {
  // Codes that could be stored at all (the database refuses the rest, and the rows already say why).
  const fileCodes = [
    ...new Set(rows.map((row) => row.fields.odsCode).filter((code) => odsCodeProblem(code, 'single_site') === null)),
  ];
  const parentCodes = rows.flatMap((row) => (row.fields.parentOdsCode ? [row.fields.parentOdsCode] : []));
  const existing = await existingProviders(manager, [...new Set([...fileCodes, ...parentCodes])]);
  const kindInFile = new Map(rows.map((row) => [row.fields.odsCode, row.fields.kind]));
  const losingHqs = [...existing.values()].filter(
    (provider) =>
      provider.fields.kind === 'hq' &&
      kindInFile.has(provider.fields.odsCode) &&
      kindInFile.get(provider.fields.odsCode) !== 'hq',
  );
  const withContact = rows.flatMap((row) => {
    const provider = row.contact ? existing.get(row.fields.odsCode) : undefined;
    return provider ? [provider.id] : [];
  });
  const emails = [...new Set(rows.flatMap((row) => (row.adviserEmail ? [row.adviserEmail] : [])))];
  return {
    existing,
    contacts: await existingContacts(manager, withContact),
    advisers: await assignableByEmail(manager, emails),
    branchesOf: await branchesOf(
      manager,
      losingHqs.map((provider) => provider.fields.odsCode),
    ),
    takenElsewhere: await codesTakenElsewhere(
      manager,
      tenantId,
      fileCodes.filter((code) => !existing.has(code)),
    ),
  };
}
