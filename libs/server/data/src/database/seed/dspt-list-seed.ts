import { cycleEndingIn, cycleForDate } from '@dspt/domain';
import type { DataSource } from 'typeorm';

export interface DsptListSeedSummary {
  entries: number;
  disagreements: number;
}

/**
 * A synthetic DSPT status list for the demo caseload, as if a system admin had imported it this morning
 * (no real list can be fetched here). Most entries agree with the portal; by a fixed hash of the ODS code
 * some disagree, so the demo LSPs have reconciliation items to resolve; providers not published this cycle
 * show last cycle's status with the DSPT's prefix, and a few codes belong to no LSP. Idempotent.
 */
export async function seedDsptList(dataSource: DataSource, today: string): Promise<DsptListSeedSummary> {
  const current = cycleForDate(today);
  const previous = cycleEndingIn(Number(current.deadline.slice(0, 4)) - 1);
  return dataSource.transaction(async (manager) => {
    const listedAt = `${today}T07:00:00Z`;
    await manager.query(
      `CREATE TEMP TABLE seed_dspt_list ON COMMIT DROP AS
       SELECT p.ods_code, p.name, p.tenant_id, abs(hashtext(p.ods_code)) % 60 AS pick,
              (SELECT pub.level FROM publications pub JOIN assessment_cycles c ON c.id = pub.cycle_id
               WHERE pub.provider_id = p.id AND c.code = $1 ORDER BY pub.published_on DESC LIMIT 1) AS now_level,
              (SELECT pub.published_on FROM publications pub JOIN assessment_cycles c ON c.id = pub.cycle_id
               WHERE pub.provider_id = p.id AND c.code = $1 ORDER BY pub.published_on DESC LIMIT 1) AS now_on,
              (SELECT pub.level FROM publications pub JOIN assessment_cycles c ON c.id = pub.cycle_id
               WHERE pub.provider_id = p.id AND c.code = $2 ORDER BY pub.published_on DESC LIMIT 1) AS last_level
       FROM providers p WHERE p.archived_at IS NULL`,
      [current.code, previous.code],
    );
    // Every LSP gets at least one: its first provider published this cycle (in hash order) disagrees.
    await manager.query(
      `UPDATE seed_dspt_list SET pick = 0 WHERE ods_code IN (
         SELECT DISTINCT ON (tenant_id) ods_code FROM seed_dspt_list WHERE now_level IS NOT NULL ORDER BY tenant_id, pick)`,
    );
    // A third of this cycle's publications disagree (another level, or not on the list); a third of last
    // cycle's Approaching Standards publishers show Approaching Standards again, which the portal's rule
    // (only once) does not record: an item for the adviser.
    const [{ disagreements }] = await manager.query(
      `WITH written AS (
         INSERT INTO dspt_list_entries (ods_code, organisation_name, status, status_cycle, published_on, listed_at)
         SELECT ods_code, name,
                CASE WHEN now_level IS NOT NULL AND pick < 12
                       THEN CASE WHEN now_level = 'standards_exceeded' THEN 'standards_met' ELSE 'standards_exceeded' END
                     WHEN now_level IS NOT NULL AND pick < 20 THEN 'not_published'
                     WHEN now_level IS NOT NULL THEN now_level
                     WHEN last_level = 'approaching_standards' AND pick < 20 THEN 'approaching_standards'
                     ELSE COALESCE(last_level, 'not_published') END,
                CASE WHEN now_level IS NOT NULL AND pick >= 12 AND pick < 20 THEN NULL
                     WHEN now_level IS NOT NULL THEN $1
                     WHEN last_level = 'approaching_standards' AND pick < 20 THEN $1
                     WHEN last_level IS NOT NULL THEN $2 END,
                CASE WHEN now_level IS NOT NULL AND (pick < 12 OR pick >= 20) THEN now_on
                     WHEN now_level IS NULL AND last_level = 'approaching_standards' AND pick < 20 THEN $4::date - pick END,
                $3
         FROM seed_dspt_list
         ON CONFLICT (ods_code) DO NOTHING
         RETURNING ods_code
       )
       SELECT count(*)::int AS disagreements FROM written w JOIN seed_dspt_list s USING (ods_code)
       WHERE s.pick < 20 AND (s.now_level IS NOT NULL OR s.last_level = 'approaching_standards')`,
      [current.code, previous.code, listedAt, today],
    );
    // Organisations no LSP supports yet: on the list, matched by no provider.
    await manager.query(
      `INSERT INTO dspt_list_entries (ods_code, organisation_name, status, status_cycle, published_on, listed_at)
       SELECT 'VZ' || lpad(n::text, 3, '0'), 'Unsupported Care Home ' || n,
              CASE WHEN n % 3 = 0 THEN 'not_published' ELSE 'standards_met' END,
              CASE WHEN n % 3 = 0 THEN NULL ELSE $1 END, NULL, $2
       FROM generate_series(1, 40) n
       ON CONFLICT (ods_code) DO NOTHING`,
      [current.code, listedAt],
    );
    const [{ entries }] = await manager.query(`SELECT count(*)::int AS entries FROM dspt_list_entries`);
    await manager.query(
      `INSERT INTO dspt_list_imports (source, file_name, file_hash, listed_at, mapping, rows, matched, unmatched, discrepancies,
                                      entries_changed)
       SELECT 'upload', 'synthetic-dspt-status-list.csv', 'demo-seed-' || $1, $2,
              '{"code":"organisation code","name":"organisation name","status":"status","date":"date published"}',
              $3, $3 - 40, 40, $4, $3
       WHERE NOT EXISTS (SELECT 1 FROM dspt_list_imports WHERE file_hash = 'demo-seed-' || $1)`,
      [today, listedAt, entries, disagreements],
    );
    return { entries, disagreements };
  });
}
