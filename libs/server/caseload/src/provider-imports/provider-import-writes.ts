import type { ProviderFields } from '../providers';
import type { EntityManager } from 'typeorm';
import type { ExistingContact, ProviderImportPlan } from './provider-import-plan';

/** Rows per statement: big enough to be fast, small enough to report progress as it goes. */
export const WRITE_BATCH = 500;

export function* batches<T>(items: readonly T[], size = WRITE_BATCH): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) {
    yield items.slice(start, start + size);
  }
}

/** The providers' columns as parallel arrays, for `unnest` (one statement for a whole batch). */
function providerColumns(fields: readonly ProviderFields[], ids: ReadonlyMap<string, string>): unknown[] {
  return [
    fields.map((row) => row.name),
    fields.map((row) => row.kind),
    fields.map((row) => (row.parentOdsCode ? ids.get(row.parentOdsCode) : null)),
    fields.map((row) => row.serviceType),
    fields.map((row) => row.sizeBand),
    fields.map((row) => row.localAuthority),
    fields.map((row) => row.region),
    fields.map((row) => row.assignedAdviserId),
    fields.map((row) => row.hasCePlus),
  ];
}

const PROVIDER_VALUES = `$3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::boolean[]`;

/** Inserts new providers; answers their ids by ODS code. Branches' HQs must be in `ids` already. */
export async function insertProviders(
  manager: EntityManager,
  tenantId: string,
  fields: readonly ProviderFields[],
  ids: ReadonlyMap<string, string>,
): Promise<Array<{ id: string; ods_code: string }>> {
  return manager.query(
    `INSERT INTO providers (tenant_id, ods_code, name, kind, parent_id, service_type, size_band, local_authority, region, assigned_adviser_id, has_ce_plus)
     SELECT $1::uuid, * FROM unnest($2::text[], ${PROVIDER_VALUES})
     RETURNING id, ods_code`,
    [tenantId, fields.map((row) => row.odsCode), ...providerColumns(fields, ids)],
  );
}

/** Updates changed providers, each one version up (optimistic locking: an edit open on it becomes stale). */
export async function updateProviders(
  manager: EntityManager,
  updates: ProviderImportPlan['updates'],
  ids: ReadonlyMap<string, string>,
): Promise<void> {
  await manager.query(
    `UPDATE providers p SET name = v.name, kind = v.kind, parent_id = v.parent_id, service_type = v.service_type, size_band = v.size_band,
            local_authority = v.local_authority, region = v.region, assigned_adviser_id = v.adviser_id, has_ce_plus = v.has_ce_plus,
            version = p.version + 1, updated_at = now()
     FROM unnest($1::uuid[], $2::int[], ${PROVIDER_VALUES})
       AS v(id, version, name, kind, parent_id, service_type, size_band, local_authority, region, adviser_id, has_ce_plus)
     WHERE p.id = v.id AND p.version = v.version`,
    [
      updates.map((update) => update.id),
      updates.map((update) => update.version),
      ...providerColumns(
        updates.map((update) => update.fields),
        ids,
      ),
    ],
  );
}

export async function insertContacts(
  manager: EntityManager,
  tenantId: string,
  contacts: ReadonlyArray<{ providerId: string; name: string; email: string; role: string; isPrimary: boolean }>,
): Promise<Array<{ id: string; provider_id: string; email: string }>> {
  return manager.query(
    `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary)
     SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[])
     RETURNING id, provider_id, email`,
    [
      tenantId,
      contacts.map((contact) => contact.providerId),
      contacts.map((contact) => contact.name),
      contacts.map((contact) => contact.email),
      contacts.map((contact) => contact.role),
      contacts.map((contact) => contact.isPrimary),
    ],
  );
}

export async function updateContacts(manager: EntityManager, contacts: readonly ExistingContact[]): Promise<void> {
  await manager.query(
    `UPDATE provider_contacts c SET name = v.name, role = v.role, updated_at = now()
     FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, name, role) WHERE c.id = v.id`,
    [
      contacts.map((contact) => contact.id),
      contacts.map((contact) => contact.name),
      contacts.map((contact) => contact.role),
    ],
  );
}

/**
 * New providers' assessments for a cycle, as the recalculator would store them with no progress yet
 * (only CE+-skippable items met, for providers holding CE+): one statement instead of one per provider.
 */
export async function insertFreshAssessments(
  manager: EntityManager,
  tenantId: string,
  cycleId: string,
  rows: ReadonlyArray<{ providerId: string; completed: number; total: number; status: string }>,
): Promise<void> {
  await manager.query(
    `INSERT INTO assessments (tenant_id, provider_id, cycle_id, mandatory_completed, mandatory_total, any_progress, status)
     SELECT $1::uuid, v.provider_id, $2::uuid, v.completed, v.total, false, v.status
     FROM unnest($3::uuid[], $4::int[], $5::int[], $6::text[]) AS v(provider_id, completed, total, status)
     ON CONFLICT (provider_id, cycle_id) DO NOTHING`,
    [
      tenantId,
      cycleId,
      rows.map((row) => row.providerId),
      rows.map((row) => row.completed),
      rows.map((row) => row.total),
      rows.map((row) => row.status),
    ],
  );
}
