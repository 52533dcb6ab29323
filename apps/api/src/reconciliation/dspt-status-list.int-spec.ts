import type { DsptListImportResult, ReconciliationList } from '@dspt/contracts';
import { cycleForDate } from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import { ApiClient, type FixtureTenant } from '@dspt/server/testing';
import { CaseloadFixtures, londonDay, randomSiteCode } from '../testing/caseload-fixtures';
import { dsptListCsv, dsptListXlsx, type ListRow } from '../testing/dspt-list-sheets';
import { useTestApi } from '../testing/use-test-api';

const today = londonDate(new Date());
const cycle = cycleForDate(today);
/** The DSPT's own prefix for the current cycle: "25/26". */
const prefix = `${cycle.code.slice(2, 4)}/${cycle.code.slice(5)}`;
const lastPrefix = `${Number(cycle.code.slice(2, 4)) - 1}/${cycle.code.slice(2, 4)}`;
const ukDate = (iso: string) => iso.split('-').reverse().join('/');
const hqCode = () => `A${randomSiteCode().slice(1)}`;

describe('the DSPT status list: import, publications and reconciliation', () => {
  const api = useTestApi();
  let caseload: CaseloadFixtures;
  let admin: ApiClient;
  let cycleId: string;
  let lspA: FixtureTenant;
  let lspB: FixtureTenant;
  let adviserA: ApiClient;
  let adviserB: ApiClient;

  beforeAll(async () => {
    caseload = new CaseloadFixtures(api.fixtures.owner);
    cycleId = (await caseload.ensureCurrentCycle()).id;
    const user = await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true });
    admin = await new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
    lspA = await api.fixtures.tenant('lspa');
    lspB = await api.fixtures.tenant('lspb');
    const a = await api.fixtures.member(lspA, 'adviser', { mfa: true });
    const b = await api.fixtures.member(lspB, 'adviser', { mfa: true });
    adviserA = await new ApiClient(api.app).signIn(a.email, a.password, a.totpSecret);
    adviserB = await new ApiClient(api.app).signIn(b.email, b.password, b.totpSecret);
  });

  function upload(content: string | Buffer, filename: string, listDate?: string) {
    return admin.request('POST', '/api/dspt-status/imports', (test) => {
      const withDate = listDate ? test.field('listDate', listDate) : test;
      return withDate.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content), filename);
    });
  }

  async function publications(
    providerId: string,
  ): Promise<Array<{ level: string; source: string; published_on: string; covered_by_id: string | null }>> {
    return api.fixtures.owner.query(
      `SELECT level, source, published_on::text, covered_by_id FROM publications WHERE provider_id = $1 AND cycle_id = $2 ORDER BY created_at`,
      [providerId, cycleId],
    );
  }

  async function status(providerId: string): Promise<string> {
    const [row] = await api.fixtures.owner.query(
      `SELECT status FROM assessments WHERE provider_id = $1 AND cycle_id = $2`,
      [providerId, cycleId],
    );
    return row?.status;
  }

  it('imports the current layout as CSV: records publications for the current cycle, an HQ covering its listed branch', async () => {
    const hq = await caseload.provider(lspA, { kind: 'hq', odsCode: hqCode() });
    const branch = await caseload.provider(lspA, { kind: 'branch', parentId: hq.id });
    const other = await caseload.provider(lspB);
    const lastYear = await caseload.provider(lspB);
    const unknown = randomSiteCode();
    const published = londonDay(-1) < cycle.startsOn ? today : londonDay(-1);
    const rows: ListRow[] = [
      { code: hq.odsCode, status: `${prefix} Standards Met`, date: ukDate(published) },
      { code: branch.odsCode, status: `${prefix} Standards Met`, date: ukDate(published) },
      { code: other.odsCode, status: `${prefix} Approaching Standards`, date: ukDate(published) },
      { code: lastYear.odsCode, status: `${lastPrefix} Standards Met`, date: '' },
      { code: unknown, status: 'Not Published' },
      { code: randomSiteCode(), status: 'Standards Not Met' },
    ];
    const answer = await upload(dsptListCsv('current', rows), 'dspt-current.csv');
    expect(answer.status).toBe(201);
    const result = answer.body as DsptListImportResult;
    expect(result).toMatchObject({
      rows: 6,
      matched: 4,
      unmatched: 1,
      publicationsRecorded: 3,
      discrepancies: 0,
      entriesChanged: 5,
      alreadyImported: false,
      mapping: { code: 'organisation code', name: 'organisation name', status: 'status', date: 'date published' },
      unknownStatuses: [{ value: 'Standards Not Met', rows: [7] }],
    });
    expect(await publications(hq.id)).toEqual([
      { level: 'standards_met', source: 'dspt_list', published_on: published, covered_by_id: null },
    ]);
    const [hqPublication] = await api.fixtures.owner.query(`SELECT id FROM publications WHERE provider_id = $1`, [
      hq.id,
    ]);
    expect((await publications(branch.id))[0]).toMatchObject({
      level: 'standards_met',
      covered_by_id: hqPublication.id,
    });
    expect(await publications(other.id)).toEqual([
      { level: 'approaching_standards', source: 'dspt_list', published_on: published, covered_by_id: null },
    ]);
    expect(await publications(lastYear.id)).toEqual([]);
    expect(await status(hq.id)).toBe('standards_met');
    expect(await status(other.id)).toBe('approaching_standards');

    // Statistics follow the recorded publication (the existing triggers).
    const [cell] = await api.fixtures.owner.query(
      `SELECT sum(standards_met)::int AS met FROM stats_completion_cells WHERE tenant_id = $1 AND cycle_id = $2`,
      [lspA.id, cycleId],
    );
    expect(cell.met).toBe(2);

    // The same file again changes nothing.
    const again = await upload(dsptListCsv('current', rows), 'dspt-current-copy.csv');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({
      alreadyImported: true,
      publicationsRecorded: 0,
      entriesChanged: 0,
      importId: result.importId,
    });
    expect(await publications(hq.id)).toHaveLength(1);
  });

  it('imports an older layout as XLSX; an older list never overrides a newer one', async () => {
    const provider = await caseload.provider(lspA);
    const newer = await upload(
      await dsptListXlsx('older', [{ code: provider.odsCode, status: 'Not Published' }]),
      'newer.xlsx',
      today,
    );
    expect(newer.status).toBe(201);
    expect(newer.body).toMatchObject({
      rows: 1,
      matched: 1,
      publicationsRecorded: 0,
      mapping: { code: 'ods code', name: 'name', status: 'latest status', date: 'latest publication date' },
    });
    const older = await upload(
      await dsptListXlsx('older', [{ code: provider.odsCode, status: 'Standards Exceeded', date: today }]),
      'older.xlsx',
      londonDay(-3) < cycle.startsOn ? today : londonDay(-3),
    );
    expect(older.status).toBe(201);
    expect(older.body).toMatchObject({ entriesChanged: 0, publicationsRecorded: 0 });
    const [entry] = await api.fixtures.owner.query(`SELECT status FROM dspt_list_entries WHERE ods_code = $1`, [
      provider.odsCode,
    ]);
    expect(entry.status).toBe('not_published');
    expect(await publications(provider.id)).toEqual([]);
  });

  it('refuses a file with no code or status column, naming the columns it has; nothing is written', async () => {
    const before = await api.fixtures.owner.query(`SELECT count(*)::int AS n FROM dspt_list_imports`);
    const answer = await upload('Provider,Result\nV1X2Y,Standards Met\n', 'wrong.csv');
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/no code .* and no status .*The file's columns are "provider", "result"/);
    expect(answer.body.details[0].field).toBe('file');
    expect(await api.fixtures.owner.query(`SELECT count(*)::int AS n FROM dspt_list_imports`)).toEqual(before);
    expect((await upload('', 'empty.csv')).status).toBe(400);
    expect(
      (await adviserA.upload('POST', '/api/dspt-status/imports', 'Code,Status\nV1X2Y,Standards Met', 'x.csv')).status,
    ).toBe(403);
  });

  it("lists disagreements per LSP, never another LSP's, and resolves them (audited)", async () => {
    const differs = await caseload.provider(lspA, { name: 'Aardvark Care' });
    const notListed = await caseload.provider(lspA, { name: 'Badger Lodge' });
    const bProvider = await caseload.provider(lspB, { name: 'B Only Home' });
    const publishedOn = today;
    await caseload.publication(lspA, differs.id, cycleId, 'standards_met', publishedOn);
    await caseload.publication(lspA, notListed.id, cycleId, 'standards_met', publishedOn);
    await caseload.publication(lspB, bProvider.id, cycleId, 'standards_met', publishedOn);
    const rows: ListRow[] = [
      { code: differs.odsCode, status: `${prefix} Standards Exceeded`, date: today },
      { code: notListed.odsCode, status: 'Not Published' },
      { code: bProvider.odsCode, status: 'Not Published' },
    ];
    const answer = await upload(dsptListCsv('current', rows), 'disagree.csv');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ publicationsRecorded: 0 });
    expect((answer.body as DsptListImportResult).discrepancies).toBeGreaterThanOrEqual(3);
    // An adviser's record is never overwritten.
    expect(await publications(differs.id)).toEqual([
      { level: 'standards_met', source: 'adviser', published_on: publishedOn, covered_by_id: null },
    ]);

    const listA = (await adviserA.get(`/api/tenants/${lspA.slug}/reconciliation`)).body as ReconciliationList;
    expect(listA.items.map((item) => [item.odsCode, item.kind, item.portal, item.official])).toEqual([
      [differs.odsCode, 'different_level', 'standards_met', 'standards_exceeded'],
      [notListed.odsCode, 'not_on_list', 'standards_met', null],
    ]);
    expect(listA.total).toBe(2);
    expect(JSON.stringify(listA)).not.toContain(bProvider.odsCode);
    const listB = (await adviserB.get(`/api/tenants/${lspB.slug}/reconciliation`)).body as ReconciliationList;
    expect(listB.items.map((item) => item.odsCode)).toContain(bProvider.odsCode);
    expect(JSON.stringify(listB)).not.toContain(differs.odsCode);
    expect((await adviserB.get(`/api/tenants/${lspA.slug}/reconciliation`)).status).toBe(403);
    expect(
      (await adviserB.post(`/api/tenants/${lspB.slug}/reconciliation/${differs.id}`, { action: 'accept' })).status,
    ).toBe(404);

    const noReason = await adviserA.post(`/api/tenants/${lspA.slug}/reconciliation/${notListed.id}`, {
      action: 'keep',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const kept = await adviserA.post(`/api/tenants/${lspA.slug}/reconciliation/${notListed.id}`, {
      action: 'keep',
      reason: 'Certificate seen on a visit; the list lags',
    });
    expect(kept.status).toBe(200);
    const accepted = await adviserA.post(`/api/tenants/${lspA.slug}/reconciliation/${differs.id}`, {
      action: 'accept',
    });
    expect(accepted.status).toBe(200);
    expect((accepted.body as ReconciliationList).items).toEqual([]);
    expect(await publications(differs.id)).toEqual([
      { level: 'standards_exceeded', source: 'dspt_list', published_on: today, covered_by_id: null },
    ]);
    expect(await status(differs.id)).toBe('standards_exceeded');
    expect(
      (await adviserA.post(`/api/tenants/${lspA.slug}/reconciliation/${differs.id}`, { action: 'accept' })).status,
    ).toBe(409);
    const audit = await api.fixtures.owner.query(
      `SELECT action, before, after FROM audit_events WHERE tenant_id = $1 AND action LIKE 'reconciliation.%' ORDER BY occurred_at`,
      [lspA.id],
    );
    expect(audit.map((event: { action: string }) => event.action)).toEqual([
      'reconciliation.kept',
      'reconciliation.accepted',
    ]);
    expect(audit[0].after.reason).toBe('Certificate seen on a visit; the list lags');
  });

  it('keeps Approaching Standards only once: a second one on the list is left to reconcile', async () => {
    const provider = await caseload.provider(lspA);
    const lastCycle = cycleForDate(londonDay(-400));
    const lastId = await caseload.ensureCycle(lastCycle.code, lastCycle.startsOn, lastCycle.deadline);
    await caseload.publication(lspA, provider.id, lastId, 'approaching_standards', lastCycle.deadline);
    const answer = await upload(
      dsptListCsv('current', [{ code: provider.odsCode, status: `${prefix} Approaching Standards`, date: today }]),
      'as-twice.csv',
    );
    expect(answer.body).toMatchObject({ matched: 1, publicationsRecorded: 0 });
    const list = (await adviserA.get(`/api/tenants/${lspA.slug}/reconciliation`)).body as ReconciliationList;
    expect(list.items.find((item) => item.providerId === provider.id)).toMatchObject({
      kind: 'not_in_portal',
      official: 'approaching_standards',
    });
  });

  it('leaves a provider the list shows at Standards Met out of the reminder audience at once', async () => {
    const provider = await caseload.provider(lspB, { name: 'Zebra Reminder Home' });
    await api.fixtures.owner.query(
      `INSERT INTO provider_contacts (tenant_id, provider_id, name, email, role, is_primary) VALUES ($1, $2, 'Z', $3, 'other', true)`,
      [lspB.id, provider.id, `z-${provider.odsCode.toLowerCase()}@example.test`],
    );
    const preview = async () => {
      const answer = await adviserB.get(
        `/api/tenants/${lspB.slug}/reminders/preview?cycle=${cycle.code}&offsetDays=7&pageSize=100`,
      );
      expect(answer.status).toBe(200);
      return answer.body as { items: Array<{ providerId: string }>; excluded: { publishedAtStandardsMet: number } };
    };
    const before = await preview();
    expect(before.items.map((item) => item.providerId)).toContain(provider.id);
    // Written straight into the list, as if the portal had not (yet) recorded it.
    await api.fixtures.owner.query(
      `INSERT INTO dspt_list_entries (ods_code, organisation_name, status, status_cycle, published_on, listed_at)
       VALUES ($1, 'Z', 'standards_met', $2, NULL, now())`,
      [provider.odsCode, cycle.code],
    );
    const after = await preview();
    expect(after.items.map((item) => item.providerId)).not.toContain(provider.id);
    expect(after.excluded.publishedAtStandardsMet).toBe(before.excluded.publishedAtStandardsMet + 1);
  });

  it('imports a large list in the background (202) with a progress link, then its counts', async () => {
    const provider = await caseload.provider(lspB);
    const rows = new Map<string, ListRow>([
      [provider.odsCode, { code: provider.odsCode, status: `${prefix} Standards Met`, date: today }],
    ]);
    // Filler codes no provider has: other files' providers share this database, and a random code could be one.
    const taken = new Set(
      ((await api.fixtures.owner.query(`SELECT ods_code FROM providers`)) as { ods_code: string }[]).map(
        (row) => row.ods_code,
      ),
    );
    while (rows.size < 5_001) {
      const code = randomSiteCode();
      if (!taken.has(code)) {
        rows.set(code, { code, status: 'Not Published' });
      }
    }
    const unique = [...rows.values()];
    const answer = await upload(dsptListCsv('current', unique), 'large.csv');
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ status: 'importing', total: unique.length });
    const statusUrl = answer.body.statusUrl as string;
    expect(statusUrl).toMatch(/^\/api\/dspt-status\/imports\/[0-9a-f-]{36}$/);
    let done = (await admin.get(statusUrl)).body;
    for (const deadline = Date.now() + 120_000; done.status === 'importing' && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      done = (await admin.get(statusUrl)).body;
    }
    expect(done.status).toBe('done');
    expect(done.result).toMatchObject({ rows: unique.length, matched: 1, publicationsRecorded: 1 });
    expect(await publications(provider.id)).toEqual([
      { level: 'standards_met', source: 'dspt_list', published_on: today, covered_by_id: null },
    ]);
    expect((await adviserA.get(statusUrl)).status).toBe(403);
  }, 180_000);
});
