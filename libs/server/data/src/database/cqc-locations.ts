import type { CqcLocation } from '@dspt/domain';
import type { EntityManager } from 'typeorm';

/** Rows per INSERT: 10 arrays of this many values stay far below PostgreSQL's message limits. */
const BATCH = 5_000;

/**
 * Replaces the CQC register with `locations`, in the caller's transaction: upserts them by location id in
 * batches (reporting rows written), then deletes the locations the new register no longer lists.
 */
export async function replaceCqcLocations(
  manager: EntityManager,
  locations: readonly CqcLocation[],
  onProgress: (written: number) => void = () => undefined,
): Promise<number> {
  for (let start = 0; start < locations.length; start += BATCH) {
    const batch = locations.slice(start, start + BATCH);
    const column = <K extends keyof CqcLocation>(key: K) => batch.map((location) => location[key]);
    await manager.query(
      `INSERT INTO cqc_locations (location_id, ods_code, name, local_authority, region, care_home,
                                  inspection_category, provider_id, provider_name, updated_at)
       SELECT *, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[],
                                   $7::text[], $8::text[], $9::text[])
       ON CONFLICT (location_id) DO UPDATE SET
         ods_code = excluded.ods_code, name = excluded.name, local_authority = excluded.local_authority,
         region = excluded.region, care_home = excluded.care_home,
         inspection_category = excluded.inspection_category, provider_id = excluded.provider_id,
         provider_name = excluded.provider_name, updated_at = excluded.updated_at`,
      [
        column('locationId'),
        column('odsCode'),
        column('name'),
        column('localAuthority'),
        column('region'),
        column('careHome'),
        column('inspectionCategory'),
        column('providerId'),
        column('providerName'),
      ],
    );
    onProgress(start + batch.length);
  }
  // now() is the transaction's start: every row this import wrote carries it, every older row is gone.
  await manager.query(`DELETE FROM cqc_locations WHERE updated_at < now()`);
  const [{ count }]: Array<{ count: number }> = await manager.query(`SELECT count(*)::int AS count FROM cqc_locations`);
  return count;
}
