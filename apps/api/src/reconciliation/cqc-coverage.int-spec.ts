import type {
  CoverageClaimResult,
  CoveragePage,
  CoverageStatistics,
  CqcRegisterImportProgress,
  CqcRegisterImportResult,
} from '@dspt/contracts';
import { writeCsv, writeXlsx } from '@dspt/server/platform';
import {
  ApiClient,
  CQC_REGISTER_FILE_COLUMNS,
  cqcRegisterRow,
  type FixtureTenant,
  type FixtureUser,
  isSyntheticAdultSocialCare,
  syntheticCqcRegister,
  type SyntheticLocation,
  writeOds,
} from '@dspt/server/testing';
import { randomBytes } from 'node:crypto';
import { useTestApi } from '../testing/use-test-api';

describe('CQC register and coverage', () => {
  const api = useTestApi();
  let admin: ApiClient;

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);
  const csv = (locations: readonly SyntheticLocation[]) =>
    writeCsv(CQC_REGISTER_FILE_COLUMNS, locations.map(cqcRegisterRow));
  const ods = (locations: readonly SyntheticLocation[]) =>
    writeOds('HSCA_Active_Locations', CQC_REGISTER_FILE_COLUMNS, locations.map(cqcRegisterRow), [
      'HSCA Active Locations',
      '',
    ]);
  const upload = (client: ApiClient, content: string | Buffer, filename: string) =>
    client.upload('POST', '/api/cqc-register/imports', content, filename);
  /** Local authority names of this run, so other test files' registers never meet ours. */
  const la = (label: string) => ({
    name: `${label} ${randomBytes(3).toString('hex')}`,
    region: 'Yorkshire and The Humber',
  });

  beforeAll(async () => {
    admin = await signIn(await api.fixtures.user({ label: 'sysadmin', globalRole: 'system_admin', mfa: true }));
  });

  async function storedLocations(ids: readonly string[]) {
    return api.fixtures.owner.query(
      `SELECT location_id, ods_code, name, local_authority, region, care_home, inspection_category, provider_id
       FROM cqc_locations WHERE location_id = ANY ($1) ORDER BY location_id`,
      [ids],
    );
  }

  describe('register imports', () => {
    const register = syntheticCqcRegister(20, [la('Leeds'), la('Wakefield')], { firstId: 200_000, codeSeed: 11 });
    const kept = register.filter(isSyntheticAdultSocialCare);

    it.each([
      ['CSV', async () => csv(register), 'register.csv'],
      ['XLSX', () => writeXlsx('Locations', CQC_REGISTER_FILE_COLUMNS, register.map(cqcRegisterRow)), 'register.xlsx'],
      ['ODS, after its title rows', async () => ods(register), 'HSCA_Active_Locations.ods'],
    ])('imports %s, keeping adult social care locations by the rule', async (_kind, file, name) => {
      const response = await upload(admin, await file(), name);
      expect(response.status).toBe(201);
      expect(response.body as CqcRegisterImportResult).toEqual({ rows: 20, kept: kept.length, locations: kept.length });
      const stored = await storedLocations(register.map((location) => location.locationId));
      expect(stored.map((row: { location_id: string }) => row.location_id)).toEqual(
        kept.map((location) => location.locationId).sort(),
      );
      const home = kept.find((location) => location.kind === 'care_home') as SyntheticLocation;
      expect(stored).toContainEqual({
        location_id: home.locationId,
        ods_code: home.odsCode,
        name: home.name,
        local_authority: home.localAuthority,
        region: 'Yorkshire and The Humber',
        care_home: true,
        inspection_category: 'Residential social care',
        provider_id: expect.stringMatching(/^1-\d+$/),
      });
    });

    it('refuses a file without a required column, naming it, and keeps the register as it was', async () => {
      const before = await api.fixtures.owner.query(`SELECT count(*)::int AS n FROM cqc_locations`);
      const columns = CQC_REGISTER_FILE_COLUMNS.filter((column) => column !== 'Location Local Authority');
      const index = CQC_REGISTER_FILE_COLUMNS.indexOf('Location Local Authority');
      const rows = register.map((location) => cqcRegisterRow(location).filter((_, at) => at !== index));
      const response = await upload(admin, writeCsv(columns, rows), 'register.csv');
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'localAuthority', message: 'Missing column "location local authority"' },
      ]);
      expect(await api.fixtures.owner.query(`SELECT count(*)::int AS n FROM cqc_locations`)).toEqual(before);
    });

    it('refuses bad rows of kept locations by row and column, all or nothing', async () => {
      const rows = register.map(cqcRegisterRow);
      const careHome = register.findIndex((location) => location.kind === 'care_home');
      const gp = register.findIndex((location) => location.kind === 'gp');
      rows[careHome][CQC_REGISTER_FILE_COLUMNS.indexOf('Location Name')] = '';
      // A GP practice's missing name stops nothing: the rule leaves it out.
      rows[gp][CQC_REGISTER_FILE_COLUMNS.indexOf('Location Name')] = '';
      const response = await upload(admin, writeCsv(CQC_REGISTER_FILE_COLUMNS, rows), 'register.csv');
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { row: careHome + 2, field: 'name', message: 'location name is missing' },
      ]);
    });

    it('is for system admins only', async () => {
      const tenant = await api.fixtures.tenant('reg');
      const lspAdmin = await signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
      const lead = await signIn(await api.fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true }));
      for (const client of [lspAdmin, lead]) {
        expect((await upload(client, csv(register), 'register.csv')).status).toBe(403);
      }
    });
  });

  describe('local authorities', () => {
    it('are read by members and system admins, and changed by LSP admins and system admins only', async () => {
      const tenant = await api.fixtures.tenant('las');
      const other = await api.fixtures.tenant('las-other');
      const path = `/api/tenants/${tenant.slug}/local-authorities`;
      const lspAdmin = await signIn(await api.fixtures.member(tenant, 'admin', { mfa: true }));
      const viewer = await signIn(await api.fixtures.member(tenant, 'viewer', { mfa: true }));
      const adviser = await signIn(await api.fixtures.member(tenant, 'adviser', { mfa: true }));
      const outsider = await signIn(await api.fixtures.member(other, 'admin', { mfa: true }));
      const lead = await signIn(await api.fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true }));

      expect((await admin.put(path, { localAuthorities: [' Leeds ', 'Bradford', 'leeds'] })).body).toEqual({
        localAuthorities: ['Bradford', 'Leeds'],
      });
      expect((await viewer.get(path)).body).toEqual({ localAuthorities: ['Bradford', 'Leeds'] });
      expect((await lspAdmin.put(path, { localAuthorities: ['Wakefield'] })).status).toBe(200);
      expect((await admin.get(path)).body).toEqual({ localAuthorities: ['Wakefield'] });
      for (const client of [adviser, viewer, outsider, lead]) {
        expect((await client.put(path, { localAuthorities: ['Hull'] })).status).toBe(403);
      }
      for (const client of [outsider, lead]) {
        expect((await client.get(path)).status).toBe(403);
      }
      expect((await lspAdmin.put(path, { localAuthorities: 'Leeds' })).status).toBe(400);
      expect((await admin.get('/api/tenants/no-such-lsp/local-authorities')).status).toBe(404);
      const [event] = await api.fixtures.owner.query(
        `SELECT before, after FROM audit_events WHERE tenant_id = $1 AND action = 'tenant.local_authorities_updated'
         ORDER BY occurred_at DESC LIMIT 1`,
        [tenant.id],
      );
      expect(event).toEqual({
        before: { localAuthorities: ['Bradford', 'Leeds'] },
        after: { localAuthorities: ['Wakefield'] },
      });
    });
  });

  describe('coverage', () => {
    let mine: FixtureTenant;
    let theirs: FixtureTenant;
    let adviser: ApiClient;
    let theirAdviser: ApiClient;
    let register: SyntheticLocation[];
    let home: SyntheticLocation[];
    const area = la('Calderdale');
    const away = la('Kirklees');

    async function addProvider(tenant: FixtureTenant, location: SyntheticLocation) {
      await api.fixtures.owner.query(
        `INSERT INTO providers (tenant_id, ods_code, name, kind, service_type, size_band, local_authority, region)
         VALUES ($1, $2, $3, 'single_site', 'care_home_residential', 'small', $4, $5)`,
        [tenant.id, location.odsCode, location.name, location.localAuthority, location.region],
      );
    }

    beforeAll(async () => {
      mine = await api.fixtures.tenant('cov');
      theirs = await api.fixtures.tenant('cov-theirs');
      adviser = await signIn(await api.fixtures.member(mine, 'adviser', { mfa: true }));
      theirAdviser = await signIn(await api.fixtures.member(theirs, 'adviser', { mfa: true }));
      register = syntheticCqcRegister(30, [area, area, away], { firstId: 300_000, codeSeed: 23 });
      expect((await upload(admin, csv(register), 'register.csv')).status).toBe(201);
      home = register.filter(
        (location) => location.localAuthority === area.name && isSyntheticAdultSocialCare(location),
      );
      expect(home.length).toBeGreaterThanOrEqual(8);
      await addProvider(mine, home[0]);
      await addProvider(theirs, home[1]);
      await addProvider(theirs, home[2]);
      await api.fixtures.owner.query(
        `INSERT INTO dspt_list_entries (ods_code, organisation_name, status, listed_at)
         VALUES ($1, 'a', 'standards_met', now()), ($2, 'b', 'not_published', now()), ($3, 'c', 'approaching_standards', now())
         ON CONFLICT (ods_code) DO UPDATE SET status = excluded.status`,
        [home[0].odsCode, home[3].odsCode, home[4].odsCode],
      );
      for (const tenant of [mine, theirs]) {
        expect(
          (await admin.put(`/api/tenants/${tenant.slug}/local-authorities`, { localAuthorities: [area.name] })).status,
        ).toBe(200);
      }
    });

    it("classifies every registered location in the LSP's areas, with its DSPT list status", async () => {
      const response = await adviser.get(`/api/tenants/${mine.slug}/coverage?pageSize=200`);
      expect(response.status).toBe(200);
      const page = response.body as CoveragePage;
      expect(page.summary).toEqual({
        registered: home.length,
        inCaseload: 1,
        elsewhere: 2,
        notEngaged: home.length - 3,
        publishedPerList: 2,
        outreach: home.length - 3 - 1,
      });
      expect(page.total).toBe(home.length);
      const byId = new Map(page.items.map((item) => [item.cqcLocationId, item]));
      expect(byId.get(home[0].locationId)).toMatchObject({ status: 'in_caseload', dsptStatus: 'standards_met' });
      expect(byId.get(home[1].locationId)).toMatchObject({ status: 'elsewhere', dsptStatus: null });
      expect(byId.get(home[3].locationId)).toMatchObject({ status: 'not_engaged', dsptStatus: 'not_published' });
      expect(byId.get(home[4].locationId)).toMatchObject({
        status: 'not_engaged',
        dsptStatus: 'approaching_standards',
      });
      // Nothing says which LSP holds the others.
      const text = JSON.stringify(page);
      for (const secret of [theirs.id, theirs.slug, theirs.name]) {
        expect(text).not.toContain(secret);
      }
    });

    it('filters by status and publication, pages, and exports the outreach list', async () => {
      const elsewhere = await adviser.get(`/api/tenants/${mine.slug}/coverage?status=elsewhere`);
      expect(elsewhere.body.items.map((item: { cqcLocationId: string }) => item.cqcLocationId).sort()).toEqual(
        [home[1].locationId, home[2].locationId].sort(),
      );
      const outreach = await adviser.get(
        `/api/tenants/${mine.slug}/coverage?status=not_engaged&published=no&pageSize=2&page=2`,
      );
      expect(outreach.body.total).toBe(home.length - 4);
      expect(outreach.body.items).toHaveLength(2);
      expect(outreach.body.items.map((item: { cqcLocationId: string }) => item.cqcLocationId)).not.toContain(
        home[4].locationId,
      );
      const bad = await adviser.get(`/api/tenants/${mine.slug}/coverage?status=mine`);
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('status');
      const file = await adviser.get(`/api/tenants/${mine.slug}/coverage/export?status=not_engaged&published=no`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toMatch(/text\/csv/);
      const lines = file.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/);
      expect(lines).toHaveLength(home.length - 4 + 1);
      expect(lines[0]).toMatch(/^CQC location ID,ODS code,Name/);
    });

    it('adds chosen locations to the caseload all or nothing, naming the id that stops it', async () => {
      const [first, second] = [home[5], home[6]];
      const claims = `/api/tenants/${mine.slug}/coverage/claims`;
      const count = async () =>
        (await api.fixtures.owner.query(`SELECT count(*)::int AS n FROM providers WHERE tenant_id = $1`, [mine.id]))[0]
          .n;
      const before = await count();

      const taken = await adviser.post(claims, { cqcLocationIds: [first.locationId, home[1].locationId] });
      expect(taken.status).toBe(409);
      expect(taken.body.details).toEqual([
        { field: 'cqcLocationIds', message: `${home[1].locationId} (${home[1].name}) is in another LSP's caseload` },
      ]);
      const unknown = await adviser.post(claims, { cqcLocationIds: [first.locationId, '1-nope'] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details[0].message).toContain('1-nope');
      const outside = register.find(
        (location) => location.localAuthority === away.name && isSyntheticAdultSocialCare(location),
      );
      expect((await adviser.post(claims, { cqcLocationIds: [outside?.locationId] })).status).toBe(400);
      expect(await count()).toBe(before);

      const viewer = await signIn(await api.fixtures.member(mine, 'viewer', { mfa: true }));
      expect((await viewer.post(claims, { cqcLocationIds: [first.locationId] })).status).toBe(403);

      const response = await adviser.post(claims, { cqcLocationIds: [first.locationId, second.locationId] });
      expect(response.status).toBe(201);
      expect((response.body as CoverageClaimResult).added.map((added) => added.odsCode).sort()).toEqual(
        [first.odsCode, second.odsCode].sort(),
      );
      expect(await count()).toBe(before + 2);
      const [provider] = await api.fixtures.owner.query(
        `SELECT name, kind, service_type, local_authority, region FROM providers WHERE ods_code = $1`,
        [first.odsCode],
      );
      expect(provider).toEqual({
        name: first.name,
        kind: 'single_site',
        service_type: first.kind === 'care_home' ? 'care_home_residential' : 'homecare',
        local_authority: area.name,
        region: 'Yorkshire and The Humber',
      });
      const events = await api.fixtures.owner.query(
        `SELECT action FROM audit_events WHERE tenant_id = $1 AND action IN ('provider.created', 'coverage.claimed')`,
        [mine.id],
      );
      expect(events.map((event: { action: string }) => event.action).sort()).toEqual([
        'coverage.claimed',
        'provider.created',
        'provider.created',
      ]);
      const again = await adviser.post(claims, { cqcLocationIds: [first.locationId] });
      expect(again.status).toBe(409);
      expect(again.body.details[0].message).toContain('already in this caseload');
    });

    it('keeps each LSP to its own view: the other LSP sees our claims as elsewhere, and cannot read ours', async () => {
      expect((await theirAdviser.get(`/api/tenants/${mine.slug}/coverage`)).status).toBe(403);
      const theirs_ = await theirAdviser.get(`/api/tenants/${theirs.slug}/coverage?pageSize=200`);
      const byId = new Map((theirs_.body as CoveragePage).items.map((item) => [item.cqcLocationId, item.status]));
      expect(byId.get(home[0].locationId)).toBe('elsewhere');
      expect(byId.get(home[5].locationId)).toBe('elsewhere');
      expect(byId.get(home[1].locationId)).toBe('in_caseload');
      expect(
        (
          await theirAdviser.post(`/api/tenants/${theirs.slug}/coverage/claims`, {
            cqcLocationIds: [home[5].locationId],
          })
        ).status,
      ).toBe(409);
    });

    it('refuses the definer function outside an LSP', async () => {
      const runner = api.fixtures.owner.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query('SET LOCAL ROLE dspt_app');
        await expect(runner.query(`SELECT coverage_elsewhere(ARRAY['x'])`)).rejects.toThrow(
          /only for use inside an LSP/,
        );
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });

    it('gives programme leads coverage shares by LSP and by region, and no one else', async () => {
      const lead = await signIn(await api.fixtures.user({ label: 'lead', globalRole: 'programme_lead', mfa: true }));
      const byTenant = await lead.get('/api/stats/coverage?groupBy=tenant');
      expect(byTenant.status).toBe(200);
      const stats = byTenant.body as CoverageStatistics;
      const group = stats.groups.find((entry) => entry.key === mine.id);
      expect(group).toEqual({
        key: mine.id,
        label: mine.name,
        registered: home.length,
        engaged: 3,
        published: 2,
        engagedShare: 3 / home.length,
        publishedShare: 2 / home.length,
      });
      const byRegion = await lead.get('/api/stats/coverage');
      expect(byRegion.body.groupBy).toBe('region');
      expect(byRegion.body.groups.map((entry: { key: string }) => entry.key)).toContain('Yorkshire and The Humber');
      expect((await adviser.get('/api/stats/coverage')).status).toBe(403);
      expect((await lead.get('/api/stats/coverage?groupBy=provider')).status).toBe(400);
    });
  });

  describe('a register of national size', () => {
    it('imports 56,000 rows from ODS in the background, reporting progress', async () => {
      const areas = Array.from({ length: 150 }, (_, index) => la(`Area ${index}`));
      const register = syntheticCqcRegister(56_000, areas, { firstId: 1_000_000, codeSeed: 5 });
      const file = ods(register);
      const started = performance.now();
      const response = await upload(admin, file, 'HSCA_Active_Locations.ods');
      expect(response.status).toBe(202);
      const accepted = response.body as CqcRegisterImportProgress;
      const seen: CqcRegisterImportProgress[] = [];
      for (const deadline = Date.now() + 240_000; Date.now() < deadline;) {
        const progress = (await admin.get(accepted.statusUrl)).body as CqcRegisterImportProgress;
        seen.push(progress);
        if (progress.status === 'done' || progress.status === 'failed') {
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const seconds = (performance.now() - started) / 1000;
      const last = seen.at(-1);
      console.log(
        `CQC register: ${register.length} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB ODS, imported in ${seconds.toFixed(1)} s ` +
          `(${seen.length} progress reports)`,
      );
      expect(last?.status).toBe('done');
      expect(last?.result).toEqual({
        rows: 56_000,
        kept: register.filter(isSyntheticAdultSocialCare).length,
        locations: register.filter(isSyntheticAdultSocialCare).length,
      });
    }, 300_000);
  });
});
