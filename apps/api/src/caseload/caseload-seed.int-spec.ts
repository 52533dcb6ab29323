import { AssessmentRecalculator } from '@dspt/server/caseload';
import {
  dataSourceOptions,
  dropDatabase,
  seedCaseload,
  seedCoverage,
  seedDemoData,
  seedDsptList,
} from '@dspt/server/data';
import { createEmptyTestDatabase, migrateTestDatabase } from '@dspt/server/testing';
import { DataSource } from 'typeorm';

describe('caseload seed', () => {
  let dataSource: DataSource;
  let url: string;

  beforeAll(async () => {
    url = await createEmptyTestDatabase('seed');
    await migrateTestDatabase(url);
    dataSource = new DataSource(dataSourceOptions({ url, poolSize: 2 }));
    await dataSource.initialize();
    await seedDemoData(dataSource, '2026-11-25', { passwordHash: 'not-used', mfaSecretEncrypted: 'not-used' });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    if (url && !process.env['KEEP_TEST_DATABASE']) {
      await dropDatabase(url);
    }
  });

  it('spreads providers over every LSP with contacts, both cycles of progress, publications, notes and tasks', async () => {
    const summary = await seedCaseload(dataSource, 280, '2026-11-25');
    expect(summary).toMatchObject({ providers: 280 });
    expect(summary.progressRows).toBeGreaterThan(280 * 10);
    const [counts] = await dataSource.query(
      `SELECT count(DISTINCT tenant_id)::int AS lsps, count(*) FILTER (WHERE kind = 'branch' AND parent_id IS NULL)::int AS orphan_branches,
              (SELECT count(*)::int FROM provider_contacts WHERE is_primary) AS primary_contacts,
              (SELECT count(*)::int FROM assessments) AS assessments
       FROM providers`,
    );
    expect(counts).toEqual({ lsps: 28, orphan_branches: 0, primary_contacts: 280, assessments: 560 });
    const [mismatchedBranch] = await dataSource.query(
      `SELECT count(*)::int AS n FROM providers b JOIN providers hq ON hq.id = b.parent_id WHERE hq.tenant_id <> b.tenant_id OR hq.kind <> 'hq'`,
    );
    expect(mismatchedBranch.n).toBe(0);
    await expect(seedCaseload(dataSource, 10, '2026-11-25')).rejects.toThrow('needs an empty caseload');
  });

  it('gives every demo LSP the local authorities of its region and a register of their locations, some in caseloads', async () => {
    const summary = await seedCoverage(dataSource);
    expect(summary.localAuthorities).toBeGreaterThanOrEqual(28);
    const [figures] = await dataSource.query(
      `SELECT count(*)::int AS locations,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM providers p WHERE p.ods_code = l.ods_code))::int AS engaged,
              count(*) FILTER (WHERE l.region NOT IN (SELECT DISTINCT region FROM tenants))::int AS foreign_regions,
              (SELECT count(*)::int FROM tenants t
               WHERE NOT EXISTS (SELECT 1 FROM tenant_local_authorities a WHERE a.tenant_id = t.id)) AS tenants_without
       FROM cqc_locations l`,
    );
    expect(figures.locations).toBe(summary.locations);
    expect(figures.engaged).toBeGreaterThan(0);
    expect(figures.locations - figures.engaged).toBeGreaterThan(0);
    expect(figures).toMatchObject({ foreign_regions: 0, tenants_without: 0 });
    // Repeatable: a second run changes nothing.
    expect(await seedCoverage(dataSource)).toEqual(summary);
  });

  it('derives the same counts and statuses as the domain rules (AssessmentRecalculator)', async () => {
    const sample: Array<{
      provider_id: string;
      cycle_id: string;
      mandatory_completed: number;
      mandatory_total: number;
      status: string;
    }> = await dataSource.query(
      `SELECT provider_id, cycle_id, mandatory_completed, mandatory_total, status FROM assessments ORDER BY provider_id, cycle_id`,
    );
    const recalculator = new AssessmentRecalculator();
    const statuses = new Set<string>();
    await dataSource.transaction(async (manager) => {
      for (const seeded of sample) {
        const derived = await recalculator.recalculate(manager, seeded.provider_id, seeded.cycle_id);
        expect({
          completed: derived.mandatoryCompleted,
          total: derived.mandatoryTotal,
          status: derived.status,
        }).toEqual({
          completed: seeded.mandatory_completed,
          total: seeded.mandatory_total,
          status: seeded.status,
        });
        statuses.add(seeded.status);
      }
    });
    // The sample exercises every derivation, not just one.
    expect(statuses).toEqual(
      new Set([
        'not_started',
        'in_progress',
        'ready_to_publish',
        'approaching_standards',
        'standards_met',
        'standards_exceeded',
      ]),
    );
  });

  it('writes a synthetic DSPT status list that disagrees with the portal in most LSPs, once', async () => {
    const list = await seedDsptList(dataSource, '2026-11-25');
    expect(list.entries).toBeGreaterThan(280);
    expect(list.disagreements).toBeGreaterThan(5);
    const [spread] = await dataSource.query(
      `SELECT count(DISTINCT p.tenant_id)::int AS lsps FROM dspt_list_entries e JOIN providers p ON p.ods_code = e.ods_code
       LEFT JOIN LATERAL (SELECT pub.level FROM publications pub JOIN assessment_cycles c ON c.id = pub.cycle_id
                          WHERE pub.provider_id = p.id AND c.code = '2026-27' LIMIT 1) portal ON true
       WHERE (portal.level IS NOT NULL AND (e.status_cycle IS DISTINCT FROM '2026-27' OR e.status <> portal.level))
          OR (portal.level IS NULL AND e.status_cycle = '2026-27')`,
    );
    expect(spread.lsps).toBeGreaterThan(3);
    expect((await seedDsptList(dataSource, '2026-11-25')).entries).toBe(list.entries);
    const [runs] = await dataSource.query(`SELECT count(*)::int AS n FROM dspt_list_imports`);
    expect(runs.n).toBe(1);
  });
});
