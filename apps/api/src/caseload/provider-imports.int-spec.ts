import type {
  ApiErrorBody,
  ImportAccepted,
  ImportProgress,
  ProviderDetail,
  ProviderImportResult,
} from '@dspt/contracts';
import { PROVIDER_SHEET_COLUMNS } from '@dspt/domain';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import { randomUUID } from 'node:crypto';
import { CaseloadFixtures, randomSiteCode } from '../testing/caseload-fixtures';
import {
  bulkCodes,
  providerRow,
  providersCsv,
  providersXlsx,
  randomHqCode,
  type SheetRow,
} from '../testing/provider-sheets';
import { useTestApi } from '../testing/use-test-api';

describe('provider imports', () => {
  const api = useTestApi();
  let caseload: CaseloadFixtures;
  let currentCycleId: string;

  beforeAll(async () => {
    caseload = new CaseloadFixtures(api.fixtures.owner);
    currentCycleId = (await caseload.ensureCurrentCycle()).id;
  });

  const signIn = (user: FixtureUser) => new ApiClient(api.app).signIn(user.email, user.password, user.totpSecret);

  /** A fresh LSP with a signed-in adviser who uploads provider files. */
  async function lsp(label = 'imp') {
    const tenant = await api.fixtures.tenant(label);
    const adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    const adviser = await signIn(adviserUser);
    const upload = (content: string | Buffer, filename = 'providers.csv') =>
      adviser.upload('POST', `/api/tenants/${tenant.slug}/imports/providers`, content, filename);
    return { tenant, adviserUser, adviser, upload };
  }

  async function counts(tenant: FixtureTenant) {
    const [row] = await api.fixtures.owner.query(
      `SELECT (SELECT count(*)::int FROM providers WHERE tenant_id = $1) AS providers,
              (SELECT count(*)::int FROM provider_contacts WHERE tenant_id = $1) AS contacts,
              (SELECT count(*)::int FROM assessments WHERE tenant_id = $1) AS assessments,
              (SELECT count(*)::int FROM audit_events WHERE tenant_id = $1 AND action <> 'auth.sign_in') AS events`,
      [tenant.id],
    );
    return row as { providers: number; contacts: number; assessments: number; events: number };
  }

  async function providerByCode(odsCode: string) {
    const [row] = await api.fixtures.owner.query(
      `SELECT p.id, p.tenant_id, p.name, p.kind, parent.ods_code AS parent, p.service_type, p.size_band, p.local_authority, p.region,
              p.assigned_adviser_id, p.has_ce_plus, p.version
       FROM providers p LEFT JOIN providers parent ON parent.id = p.parent_id WHERE p.ods_code = $1`,
      [odsCode],
    );
    return row;
  }

  const contactsOf = (providerId: string) =>
    api.fixtures.owner.query(
      `SELECT name, email, role, is_primary FROM provider_contacts WHERE provider_id = $1 ORDER BY email`,
      [providerId],
    );

  /** Polls a background import until it is done or failed; answers every state seen. */
  async function follow(client: ApiClient, accepted: ImportAccepted): Promise<ImportProgress[]> {
    const seen: ImportProgress[] = [];
    // Bounded in time, not in polls: a request's own time varies with the machine's load.
    for (const deadline = Date.now() + 90_000; Date.now() < deadline;) {
      const response = await client.get(accepted.statusUrl);
      expect(response.status).toBe(200);
      const progress = response.body as ImportProgress;
      seen.push(progress);
      if (progress.status === 'done' || progress.status === 'failed') {
        return seen;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`Import ${accepted.importId} did not finish: last seen ${JSON.stringify(seen.at(-1))}`);
  }

  describe('a good file', () => {
    it('imports providers and contacts from CSV: HQ and branch in one file, adviser by email, CE+, audited, assessed', async () => {
      const { tenant, adviserUser, upload } = await lsp();
      const [hq, branch, site] = [randomHqCode(), randomSiteCode(), randomSiteCode()];
      const rows: SheetRow[] = [
        // The branch comes before its HQ: order in the file does not matter.
        providerRow({
          ods_code: branch.toLowerCase(),
          kind: 'Branch',
          parent_ods_code: ` ${hq} `,
          name: 'Oak House',
          service_type: 'care_home_nursing',
        }),
        providerRow({
          ods_code: hq,
          kind: 'hq',
          name: 'Oak Group',
          size_band: 'large',
          region: 'north west',
          contact_name: 'Pat Okafor',
          contact_email: ' Pat@Oak.example ',
          contact_role: 'dspt_admin',
          assigned_adviser_email: adviserUser.email.toUpperCase(),
          has_ce_plus: 'yes',
        }),
        providerRow({
          ods_code: site,
          contact_name: 'Sam Lee',
          contact_email: 'sam@site.example',
          contact_role: 'registered_manager',
        }),
      ];
      const response = await upload(providersCsv(rows));
      expect(response.status).toBe(200);
      expect(response.body as ProviderImportResult).toEqual({
        created: 3,
        updated: 0,
        unchanged: 0,
        contacts: 2,
        rows: 3,
      });

      expect(await providerByCode(hq)).toMatchObject({
        tenant_id: tenant.id,
        name: 'Oak Group',
        kind: 'hq',
        parent: null,
        size_band: 'large',
        region: 'North West',
        assigned_adviser_id: adviserUser.id,
        has_ce_plus: true,
        version: 1,
      });
      const hqRow = await providerByCode(hq);
      expect(await providerByCode(branch)).toMatchObject({
        kind: 'branch',
        parent: hq,
        service_type: 'care_home_nursing',
        has_ce_plus: false,
      });
      expect(await contactsOf(hqRow.id)).toEqual([
        { name: 'Pat Okafor', email: 'pat@oak.example', role: 'dspt_admin', is_primary: true },
      ]);
      const [{ n: assessed }] = await api.fixtures.owner.query(
        `SELECT count(*)::int AS n FROM assessments WHERE tenant_id = $1 AND cycle_id = $2`,
        [tenant.id, currentCycleId],
      );
      expect(assessed).toBe(3);

      const events = await api.fixtures.owner.query(
        `SELECT action, actor_user_id, after FROM audit_events WHERE tenant_id = $1 AND action <> 'auth.sign_in' ORDER BY occurred_at`,
        [tenant.id],
      );
      expect(events.map((event: { action: string }) => event.action).sort()).toEqual(
        [
          'contact.created',
          'contact.created',
          'import.providers',
          'provider.created',
          'provider.created',
          'provider.created',
        ].sort(),
      );
      expect(events.find((event: { action: string }) => event.action === 'import.providers')).toEqual({
        action: 'import.providers',
        actor_user_id: adviserUser.id,
        after: { created: 3, updated: 0, unchanged: 0, contacts: 2, rows: 3, file: 'providers.csv' },
      });
    });

    it('imports XLSX with the columns in any order and case, optional columns left out', async () => {
      const { tenant, upload } = await lsp();
      const hq = randomHqCode();
      const columns = [
        'Region',
        'NAME',
        'ods_code',
        'Kind',
        'Service_Type',
        'size_band',
        'local_authority',
        'parent_ods_code',
      ];
      const rows = [providerRow({ ods_code: hq, kind: 'hq' }), providerRow({ kind: 'branch', parent_ods_code: hq })];
      const xlsx = await providersXlsx(
        rows.map((row) => Object.fromEntries(columns.map((column) => [column, row[column.toLowerCase()]]))),
        columns,
      );
      const response = await upload(xlsx, 'providers.xlsx');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ created: 2, updated: 0, unchanged: 0, contacts: 0, rows: 2 });
      expect((await counts(tenant)).providers).toBe(2);
    });

    it('updates on re-import by ODS code instead of duplicating; contacts are matched by email', async () => {
      const { tenant, adviserUser, adviser, upload } = await lsp();
      const [first, second] = [randomSiteCode(), randomSiteCode()];
      const original = [
        providerRow({
          ods_code: first,
          contact_name: 'Pat Okafor',
          contact_email: 'pat@first.example',
          contact_role: 'owner',
          assigned_adviser_email: adviserUser.email,
        }),
        providerRow({ ods_code: second }),
      ];
      expect((await upload(providersCsv(original))).body).toMatchObject({ created: 2, contacts: 1 });
      const firstId = (await providerByCode(first)).id;
      const before = await counts(tenant);

      // The same file again changes nothing.
      expect((await upload(providersCsv(original))).body).toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
        contacts: 0,
        rows: 2,
      });
      expect(await counts(tenant)).toEqual({ ...before, events: before.events + 1 });

      const edited = [
        providerRow({
          ods_code: first,
          name: 'First Renamed',
          contact_name: 'Pat Okafor-Lee',
          contact_email: 'PAT@first.example',
          contact_role: 'dspt_admin',
          assigned_adviser_email: '',
        }),
        providerRow({
          ods_code: second,
          contact_name: 'New Person',
          contact_email: 'new@second.example',
          contact_role: 'other',
          has_ce_plus: 'yes',
        }),
        providerRow({ ods_code: first.replace(/^V/, 'W') }),
      ];
      const response = await upload(providersCsv(edited));
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ created: 1, updated: 2, unchanged: 0, contacts: 2, rows: 3 });
      expect(await providerByCode(first)).toMatchObject({
        id: firstId,
        name: 'First Renamed',
        assigned_adviser_id: null,
        version: 2,
      });
      expect(await providerByCode(second)).toMatchObject({ has_ce_plus: true, version: 2 });
      expect(await contactsOf(firstId)).toEqual([
        { name: 'Pat Okafor-Lee', email: 'pat@first.example', role: 'dspt_admin', is_primary: true },
      ]);
      expect(await contactsOf((await providerByCode(second)).id)).toEqual([
        { name: 'New Person', email: 'new@second.example', role: 'other', is_primary: true },
      ]);
      expect((await counts(tenant)).providers).toBe(3);

      // A second contact by another address is added, not made primary; the edit shows in the trail with versions.
      await upload(
        providersCsv([
          providerRow({
            ods_code: first,
            name: 'First Renamed',
            contact_name: 'Ash Green',
            contact_email: 'ash@first.example',
            contact_role: 'owner',
          }),
        ]),
      );
      expect(
        (await contactsOf(firstId)).map((contact: { email: string; is_primary: boolean }) => [
          contact.email,
          contact.is_primary,
        ]),
      ).toEqual([
        ['ash@first.example', false],
        ['pat@first.example', true],
      ]);
      const [updated] = await api.fixtures.owner.query(
        `SELECT before, after FROM audit_events WHERE target_id = $1 AND action = 'provider.updated' ORDER BY occurred_at LIMIT 1`,
        [firstId],
      );
      expect(updated).toEqual({
        before: { name: `Imported ${first}`, assignedAdviserId: adviserUser.id, version: 1 },
        after: { name: 'First Renamed', assignedAdviserId: null, version: 2 },
      });
      // An edit opened before the import is now stale, and says what the import changed.
      const stale = await adviser.patch(`/api/tenants/${tenant.slug}/providers/${firstId}`, {
        version: 1,
        localAuthority: 'York',
      });
      expect(stale.status).toBe(409);
      expect((stale.body as ApiErrorBody).details?.map((detail) => detail.field).sort()).toEqual([
        'assignedAdviserId',
        'name',
      ]);
    });

    it('links a branch to an HQ already in the LSP, and recalculates progress when CE+ changes', async () => {
      const { tenant, upload } = await lsp();
      const open = await caseload.cycle(200, [{ level: 'AS', ce: true }, { level: 'SM' }]);
      const standing = async (odsCode: string) =>
        (
          await api.fixtures.owner.query(
            `SELECT a.mandatory_completed AS completed, a.mandatory_total AS total, a.status FROM assessments a JOIN providers p ON p.id = a.provider_id
             WHERE p.ods_code = $1 AND a.cycle_id = $2`,
            [odsCode, open.id],
          )
        )[0];
      const hq = randomHqCode();
      expect((await upload(providersCsv([providerRow({ ods_code: hq, kind: 'hq' })]))).status).toBe(200);
      expect(await standing(hq)).toEqual({ completed: 0, total: 2, status: 'not_started' });
      const branch = randomSiteCode();
      const response = await upload(
        providersCsv([
          providerRow({ ods_code: branch, kind: 'branch', parent_ods_code: hq, has_ce_plus: 'yes' }),
          providerRow({ ods_code: hq, kind: 'hq', has_ce_plus: 'yes' }),
        ]),
      );
      expect(response.body).toMatchObject({ created: 1, updated: 1 });
      expect(await providerByCode(branch)).toMatchObject({ tenant_id: tenant.id, parent: hq });
      // The CE+ item counts as met: for the new branch as created, for the HQ by recalculation.
      expect(await standing(branch)).toEqual({ completed: 1, total: 2, status: 'in_progress' });
      expect(await standing(hq)).toEqual({ completed: 1, total: 2, status: 'in_progress' });
    });

    it('offers a CSV and an XLSX template that import as they are', async () => {
      const { tenant, adviser, upload } = await lsp();
      const template = `/api/tenants/${tenant.slug}/imports/providers/template`;
      const csv = await adviser.get(`${template}?format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-disposition']).toBe('attachment; filename="provider-import-template.csv"');
      expect(csv.text.split('\n')[0]).toBe(`\uFEFF${PROVIDER_SHEET_COLUMNS.join(',')}`);
      expect((await upload(csv.text)).body).toEqual({ created: 3, updated: 0, unchanged: 0, contacts: 2, rows: 3 });
      const xlsx = await adviser.get(`${template}?format=xlsx`).responseType('blob');
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.headers['content-disposition']).toBe('attachment; filename="provider-import-template.xlsx"');
      expect((await upload(xlsx.body as Buffer, 'template.xlsx')).body).toEqual({
        created: 0,
        updated: 0,
        unchanged: 3,
        contacts: 0,
        rows: 3,
      });
      const bad = await adviser.get(`${template}?format=pdf`);
      expect(bad.status).toBe(400);
      expect((bad.body as ApiErrorBody).details).toEqual([{ field: 'format', message: 'format must be csv or xlsx' }]);
    });
  });

  describe('a bad file: a clear 4xx naming every bad row, and nothing written', () => {
    let context: Awaited<ReturnType<typeof lsp>>;
    let otherLsp: FixtureTenant;
    let otherCode: string;
    let viewerEmail: string;
    let strangerAdviserEmail: string;

    beforeAll(async () => {
      context = await lsp('bad');
      await context.upload(providersCsv([providerRow({ ods_code: randomSiteCode() })]));
      otherLsp = await api.fixtures.tenant('elsewhere');
      otherCode = (await caseload.provider(otherLsp)).odsCode;
      viewerEmail = (await api.fixtures.member(context.tenant, 'viewer')).email;
      strangerAdviserEmail = (await api.fixtures.member(otherLsp, 'adviser')).email;
    });

    async function refused(
      content: string | Buffer,
      filename = 'providers.csv',
    ): Promise<ApiErrorBody & { status: number }> {
      const before = await counts(context.tenant);
      const response = await context.upload(content, filename);
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await counts(context.tenant)).toEqual(before);
      return { ...(response.body as ApiErrorBody), status: response.status };
    }

    it('wrong headers: unknown columns refused by name, required ones missing', async () => {
      const body = await refused('ods_code,name,colour,kind\nVAB12,Oak,red,hq\n');
      expect(body.status).toBe(400);
      expect(body.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'colour', message: expect.stringContaining('Unknown column "colour"') }),
          { field: 'region', message: 'Missing column "region"' },
          { field: 'service_type', message: 'Missing column "service_type"' },
        ]),
      );
    });

    it('bad values: every row and field named, with the API rules (ODS codes, enums, blanks, emails)', async () => {
      const hqWithSiteCode = randomSiteCode();
      const body = await refused(
        providersCsv([
          providerRow({ ods_code: '8ABC1' }),
          providerRow({ ods_code: 'V!1' }),
          providerRow({ ods_code: hqWithSiteCode, kind: 'hq' }),
          providerRow({
            kind: 'care_home',
            service_type: 'hotel',
            size_band: 'huge',
            region: 'Wales',
            name: ' ',
            local_authority: '',
          }),
          providerRow({
            contact_name: 'Pat',
            contact_email: 'not-an-email',
            contact_role: 'boss',
            has_ce_plus: 'maybe',
          }),
          providerRow({ contact_email: 'pat@oak.example' }),
        ]),
      );
      expect(body.status).toBe(400);
      expect(body.message).toBe('14 problems in the file: nothing was imported');
      expect(body.details).toEqual([
        { row: 2, field: 'ods_code', message: 'ODS codes starting with 8 are not for DSPT social care' },
        { row: 3, field: 'ods_code', message: 'ODS code must be 3 to 6 letters or digits' },
        {
          row: 4,
          field: 'ods_code',
          message: 'This looks like a site code (V + 4 characters): an HQ uses its organisation code',
        },
        { row: 5, field: 'name', message: 'name must not be blank' },
        { row: 5, field: 'kind', message: 'kind must be one of: single_site, hq, branch' },
        {
          row: 5,
          field: 'service_type',
          message: expect.stringContaining('service_type must be one of: care_home_nursing'),
        },
        { row: 5, field: 'size_band', message: 'size_band must be one of: micro, small, medium, large' },
        { row: 5, field: 'local_authority', message: 'local_authority must not be blank' },
        { row: 5, field: 'region', message: expect.stringContaining('region must be one of: North East') },
        { row: 6, field: 'contact_email', message: 'contact_email must be an email address' },
        {
          row: 6,
          field: 'contact_role',
          message: 'contact_role must be one of: dspt_admin, registered_manager, owner, other',
        },
        { row: 6, field: 'has_ce_plus', message: 'has_ce_plus must be yes or no, not "maybe"' },
        {
          row: 7,
          field: 'contact_name',
          message: 'contact_name is empty: a contact needs a name, an email and a role',
        },
        {
          row: 7,
          field: 'contact_role',
          message: 'contact_role is empty: a contact needs a name, an email and a role',
        },
      ]);
    });

    it('duplicate codes in one file', async () => {
      const code = randomSiteCode();
      const body = await refused(
        providersCsv([providerRow({ ods_code: code }), providerRow(), providerRow({ ods_code: code.toLowerCase() })]),
      );
      expect(body.details).toEqual([{ row: 4, field: 'ods_code', message: `${code} is already on row 2` }]);
    });

    it('branches without an HQ (in the file or the LSP), links that are not to an HQ, unknown advisers', async () => {
      const site = randomSiteCode();
      const body = await refused(
        providersCsv([
          providerRow({ kind: 'branch' }),
          providerRow({ kind: 'branch', parent_ods_code: 'C0000' }),
          providerRow({ kind: 'branch', parent_ods_code: otherCode }),
          providerRow({ ods_code: site }),
          providerRow({ kind: 'branch', parent_ods_code: site }),
          providerRow({ parent_ods_code: site }),
          providerRow({ assigned_adviser_email: viewerEmail }),
          providerRow({ assigned_adviser_email: strangerAdviserEmail }),
        ]),
      );
      expect(body.status).toBe(400);
      expect(body.details).toEqual([
        { row: 2, field: 'parent_ods_code', message: "A branch needs parent_ods_code: its HQ's ODS code" },
        { row: 3, field: 'parent_ods_code', message: 'No provider with ODS code C0000 in this LSP: add the HQ first' },
        // Another LSP's provider is "not in this LSP", exactly like an unknown code.
        {
          row: 4,
          field: 'parent_ods_code',
          message: `No provider with ODS code ${otherCode} in this LSP: add the HQ first`,
        },
        { row: 6, field: 'parent_ods_code', message: `${site} is a single site, not an HQ` },
        {
          row: 7,
          field: 'parent_ods_code',
          message: 'parent_ods_code is only for branches, and this provider is a single site',
        },
        { row: 8, field: 'assigned_adviser_email', message: `${viewerEmail} is not an adviser or admin of this LSP` },
        {
          row: 9,
          field: 'assigned_adviser_email',
          message: `${strangerAdviserEmail} is not an adviser or admin of this LSP`,
        },
      ]);
    });

    it('a code another LSP holds: 409 naming the row, never the other LSP', async () => {
      const body = await refused(providersCsv([providerRow(), providerRow({ ods_code: otherCode })]));
      expect(body.status).toBe(409);
      expect(body.details).toEqual([
        { row: 3, field: 'ods_code', message: `ODS code ${otherCode} is already registered` },
      ]);
      expect(JSON.stringify(body)).not.toContain(otherLsp.name);
      expect(JSON.stringify(body)).not.toContain(otherLsp.slug);
      // Alongside other problems it is one more row in the 400.
      const mixed = await refused(
        providersCsv([providerRow({ ods_code: otherCode }), providerRow({ region: 'Mars' })]),
      );
      expect(mixed.status).toBe(400);
      expect(mixed.details?.map((detail) => [detail.row, detail.field])).toEqual([
        [2, 'ods_code'],
        [3, 'region'],
      ]);
    });

    it('an HQ that would leave branches behind, and changes to an archived provider', async () => {
      const hq = randomHqCode();
      const branch = randomSiteCode();
      const archived = randomSiteCode();
      await context.upload(
        providersCsv([
          providerRow({ ods_code: hq, kind: 'hq' }),
          providerRow({ ods_code: branch, kind: 'branch', parent_ods_code: hq }),
          providerRow({ ods_code: archived }),
        ]),
      );
      await api.fixtures.owner.query(`UPDATE providers SET archived_at = now() WHERE ods_code = $1`, [archived]);
      const body = await refused(
        providersCsv([
          providerRow({ ods_code: hq, kind: 'single_site' }),
          providerRow({ ods_code: archived, name: 'Renamed' }),
        ]),
      );
      expect(body.details).toEqual([
        { row: 2, field: 'kind', message: 'This HQ has 1 branch: link them to another HQ first' },
        { row: 3, field: 'ods_code', message: `${archived} is archived: unarchive it before importing changes to it` },
      ]);
      // Moving the branch in the same file frees the HQ; an archived provider left as it is passes.
      const newHq = randomHqCode();
      const moved = await context.upload(
        providersCsv([
          providerRow({ ods_code: hq, kind: 'single_site' }),
          providerRow({ ods_code: newHq, kind: 'hq' }),
          providerRow({ ods_code: branch, kind: 'branch', parent_ods_code: newHq }),
          providerRow({ ods_code: archived }),
        ]),
      );
      expect(moved.body).toEqual({ created: 1, updated: 2, unchanged: 1, contacts: 0, rows: 4 });
      expect(await providerByCode(branch)).toMatchObject({ parent: newHq });
    });

    it('files that are not spreadsheets, empty or too big', async () => {
      expect((await refused('')).message).toBe('The file is empty');
      expect((await refused('ods_code,name,kind,service_type,size_band,local_authority,region\n')).message).toBe(
        'The file has a header row but no data rows',
      );
      expect((await refused('just some text, not a workbook', 'providers.xlsx')).message).toBe(
        'The file is named .xlsx but is not an XLSX workbook',
      );
      expect((await refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0xff]), 'photo.csv')).message).toContain(
        'neither a CSV',
      );
      const huge = await refused(Buffer.alloc(20 * 1024 * 1024, 'a'), 'huge.csv');
      expect(huge.status).toBe(413);
      const none = await context.adviser.post(`/api/tenants/${context.tenant.slug}/imports/providers`, {});
      expect(none.status).toBe(400);
      expect((none.body as ApiErrorBody).message).toBe('Attach a CSV, XLSX or ODS file in the form field "file"');
    });

    it('is refused to viewers', async () => {
      const viewer = await signIn(await api.fixtures.member(context.tenant, 'viewer', { mfa: true }));
      const response = await viewer.upload(
        'POST',
        `/api/tenants/${context.tenant.slug}/imports/providers`,
        providersCsv([providerRow()]),
        'p.csv',
      );
      expect(response.status).toBe(403);
    });
  });

  describe('large files', () => {
    it('imports over 1,000 rows in the background, reporting progress until done', async () => {
      const { tenant, adviser, upload } = await lsp('big');
      const rows = bulkCodes(1500).map((code, index) =>
        providerRow({
          ods_code: code,
          name: `Bulk ${index}`,
          contact_name: `Manager ${index}`,
          contact_email: `m${index}@bulk.example`,
          contact_role: 'registered_manager',
        }),
      );
      const response = await upload(providersCsv(rows));
      expect(response.status).toBe(202);
      const accepted = response.body as ImportAccepted;
      expect(accepted).toEqual({
        importId: expect.any(String),
        status: 'validating',
        processed: 0,
        total: 1500,
        statusUrl: `/api/tenants/${tenant.slug}/imports/${accepted.importId}`,
      });

      const seen = await follow(adviser, accepted);
      for (const progress of seen) {
        expect(progress.total).toBe(1500);
        expect(progress.processed).toBeGreaterThanOrEqual(0);
        expect(progress.processed).toBeLessThanOrEqual(1500);
      }
      expect(seen.at(-1)).toEqual({
        importId: accepted.importId,
        status: 'done',
        processed: 1500,
        total: 1500,
        result: { created: 1500, updated: 0, unchanged: 0, contacts: 1500, rows: 1500 },
      });
      expect((await counts(tenant)).providers).toBe(1500);

      // Another LSP never finds it; an unknown id is a 404.
      const other = await lsp('big-other');
      expect((await other.adviser.get(`/api/tenants/${other.tenant.slug}/imports/${accepted.importId}`)).status).toBe(
        404,
      );
      expect((await adviser.get(`/api/tenants/${tenant.slug}/imports/${randomUUID()}`)).status).toBe(404);
    });

    it('reports a refused large file as failed with every bad row, and writes nothing', async () => {
      const { tenant, adviser, upload } = await lsp('big-bad');
      const rows = bulkCodes(1200).map((code) => providerRow({ ods_code: code }));
      rows[700] = providerRow({ ods_code: rows[700].ods_code, region: 'Atlantis' });
      const response = await upload(providersCsv(rows));
      expect(response.status).toBe(202);
      const seen = await follow(adviser, response.body as ImportAccepted);
      expect(seen.at(-1)).toMatchObject({
        status: 'failed',
        message: '1 problem in the file: nothing was imported',
        errors: [{ row: 702, field: 'region', message: expect.stringContaining('region must be one of') }],
      });
      expect((await counts(tenant)).providers).toBe(0);
    });

    it('imports 5,000 rows and then updates them all, printing how long each took', async () => {
      const { tenant, adviser, upload } = await lsp('speed');
      const adviserEmail = (await api.fixtures.member(tenant, 'adviser')).email;
      const codes = bulkCodes(5000);
      const rows = codes.map((code, index) =>
        providerRow({
          ods_code: code,
          name: `Speed ${index}`,
          contact_name: `Manager ${index}`,
          contact_email: `m${index}@speed.example`,
          contact_role: 'dspt_admin',
          assigned_adviser_email: index % 2 === 0 ? adviserEmail : '',
          has_ce_plus: index % 3 === 0 ? 'yes' : 'no',
        }),
      );
      const started = performance.now();
      const response = await upload(providersCsv(rows));
      const seen = await follow(adviser, response.body as ImportAccepted);
      const createMs = performance.now() - started;
      expect(seen.at(-1)?.result).toEqual({ created: 5000, updated: 0, unchanged: 0, contacts: 5000, rows: 5000 });

      // Re-import with every name changed: 5,000 updates.
      const renamed = rows.map((row) => ({ ...row, name: `${row.name} (renamed)` }));
      const restarted = performance.now();
      const again = await follow(adviser, (await upload(providersCsv(renamed))).body as ImportAccepted);
      const updateMs = performance.now() - restarted;
      expect(again.at(-1)?.result).toEqual({ created: 0, updated: 5000, unchanged: 0, contacts: 0, rows: 5000 });
      console.info(
        `5,000-row provider import: ${Math.round(createMs)} ms to create, ${Math.round(updateMs)} ms to update`,
      );
      const detail = await adviser.get(`/api/tenants/${tenant.slug}/providers/${(await providerByCode(codes[0])).id}`);
      expect((detail.body as ProviderDetail).contacts).toHaveLength(1);
      // Speed is printed, not asserted: each background import may take up to 90 s on a loaded machine.
    }, 200_000);
  });
});
