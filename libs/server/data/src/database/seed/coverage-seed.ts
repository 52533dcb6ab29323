import type { DataSource } from 'typeorm';
import localAuthorities from './local-authorities.json';

export interface CoverageSeedSummary {
  localAuthorities: number;
  locations: number;
}

/**
 * Demo coverage: every demo LSP covers the local authorities of its region, and a synthetic CQC register
 * holds adult social care locations there: seven in ten of the demo providers' sites (by their ODS codes,
 * so they show as in a caseload, this LSP's or another's) and twelve not-engaged locations per local
 * authority, for the outreach list. Repeatable; skipped when a register is already loaded.
 */
export async function seedCoverage(dataSource: DataSource): Promise<CoverageSeedSummary> {
  return dataSource.transaction(async (manager) => {
    await manager.query(
      `INSERT INTO tenant_local_authorities (tenant_id, local_authority)
       SELECT t.id, la.name FROM tenants t
       JOIN jsonb_to_recordset($1::jsonb) AS la(region text, name text) ON la.region = t.region
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(localAuthorities)],
    );
    const [{ count }]: Array<{ count: number }> = await manager.query(
      `SELECT count(*)::int AS count FROM cqc_locations`,
    );
    if (count === 0) {
      await manager.query(
        `INSERT INTO cqc_locations (location_id, ods_code, name, local_authority, region, care_home,
                                    inspection_category, provider_id, provider_name)
         SELECT '1-' || (100000000 + row_number() OVER (ORDER BY p.ods_code)), p.ods_code, p.name, p.local_authority,
                p.region, p.service_type LIKE 'care_home%',
                CASE WHEN p.service_type LIKE 'care_home%' THEN 'Residential social care'
                     ELSE 'Community based adult social care services' END,
                '1-' || (5000000 + abs(hashtext(p.name)) % 900000), p.name
         FROM providers p
         WHERE p.kind <> 'hq' AND abs(hashtext(p.ods_code)) % 10 < 7`,
      );
      await manager.query(
        `INSERT INTO cqc_locations (location_id, ods_code, name, local_authority, region, care_home,
                                    inspection_category, provider_id, provider_name)
         SELECT '1-' || (200000000 + n), 'VQ' || lpad(upper(to_hex(n)), 4, '0'),
                (ARRAY['Meadow', 'Orchard', 'Heather', 'Bramble', 'Thistle', 'Clover'])[1 + n % 6] || ' ' ||
                  CASE WHEN n % 3 = 0 THEN 'Homecare' ELSE 'House' END || ' ' || n,
                la.name, la.region, n % 3 <> 0,
                CASE WHEN n % 3 = 0 THEN 'Community based adult social care services' ELSE 'Residential social care' END,
                '1-' || (6000000 + n / 3), 'Synthetic Care Ltd ' || (n / 3)
         FROM (SELECT region, name, row_number() OVER (ORDER BY region, name) AS k
               FROM jsonb_to_recordset($1::jsonb) AS x(region text, name text)) la
         CROSS JOIN LATERAL (SELECT (la.k * 12 + g)::int AS n FROM generate_series(0, 11) g) numbers`,
        [JSON.stringify(localAuthorities)],
      );
    }
    const [summary]: CoverageSeedSummary[] = await manager.query(
      `SELECT (SELECT count(*) FROM tenant_local_authorities)::int AS "localAuthorities",
              (SELECT count(*) FROM cqc_locations)::int AS locations`,
    );
    return summary;
  });
}
