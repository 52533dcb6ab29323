import type { ApiErrorBody } from '@dspt/contracts';
import { CASELOAD_EXPORT_COLUMNS } from '@dspt/domain';
import { ApiClient, type FixtureTenant, type FixtureUser } from '@dspt/server/testing';
import ExcelJS from 'exceljs';
import { CaseloadFixtures, londonDay, randomSiteCode } from '../testing/caseload-fixtures';
import { providerRow, providersCsv, randomHqCode } from '../testing/provider-sheets';
import { useTestApi } from '../testing/use-test-api';

describe('caseload export', () => {
  const api = useTestApi();
  let tenant: FixtureTenant;
  let adviserUser: FixtureUser;
  let adviser: ApiClient;
  let cycleCode: string;
  let hq: string;
  let evil: string;
  let branch: string;
  const exportUrl = (query = '') => `/api/tenants/${tenant.slug}/providers/export${query}`;

  beforeAll(async () => {
    cycleCode = (await new CaseloadFixtures(api.fixtures.owner).ensureCurrentCycle()).code;
    tenant = await api.fixtures.tenant('export');
    adviserUser = await api.fixtures.member(tenant, 'adviser', { mfa: true });
    adviser = await new ApiClient(api.app).signIn(adviserUser.email, adviserUser.password, adviserUser.totpSecret);
    [hq, evil, branch] = [randomHqCode(), randomSiteCode(), randomSiteCode()];
    const imported = await adviser.upload(
      'POST',
      `/api/tenants/${tenant.slug}/imports/providers`,
      providersCsv([
        providerRow({
          ods_code: hq,
          kind: 'hq',
          name: 'Alder Group',
          contact_name: 'Pat Okafor',
          contact_email: 'pat@alder.example',
          contact_role: 'dspt_admin',
          assigned_adviser_email: adviserUser.email,
          has_ce_plus: 'yes',
        }),
        providerRow({ ods_code: branch, kind: 'branch', parent_ods_code: hq, name: 'Alder House', region: 'London' }),
        // Cells a spreadsheet program would run as formulas.
        providerRow({
          ods_code: evil,
          name: '=HYPERLINK("http://evil.example","Click")',
          local_authority: '+44 Leeds',
          contact_name: '@admin',
          contact_email: 'x@evil.example',
          contact_role: 'other',
        }),
      ]),
      'providers.csv',
    );
    expect(imported.body).toMatchObject({ created: 3 });
    await api.fixtures.owner.query(`UPDATE providers SET last_contact_at = $2 WHERE ods_code = $1`, [
      hq,
      new Date(`${londonDay(-3)}T10:00:00Z`),
    ]);
  });

  const importUrl = () => `/api/tenants/${tenant.slug}/imports/providers`;

  it('exports CSV: the import columns then standing and priority, formula cells neutralised, named for the LSP and cycle', async () => {
    const response = await adviser.get(exportUrl());
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="caseload-${tenant.slug}-${cycleCode}-${londonDay()}.csv"`,
    );
    const [header, ...lines] = response.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(header).toBe(CASELOAD_EXPORT_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(response.text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(response.text).toContain(`'+44 Leeds`);
    expect(response.text).toContain(`'@admin`);
    const hqLine = lines.find((line) => line.startsWith(hq));
    expect(hqLine).toContain(
      `${hq},Alder Group,hq,,homecare,small,Leeds,Yorkshire and The Humber,Pat Okafor,pat@alder.example,dspt_admin,${adviserUser.email},yes,`,
    );
    expect(hqLine).toMatch(/,\d{4}-\d{2}-\d{2}T10:00:00\.000Z$/);
    expect(lines.find((line) => line.includes('Alder House'))).toContain(`,branch,${hq},`);
  });

  it('round-trips: the CSV and XLSX exports import back changing nothing, formulas and all', async () => {
    const csv = await adviser.get(exportUrl('?format=csv'));
    const csvImport = await adviser.upload('POST', importUrl(), csv.text, 'export.csv');
    expect(csvImport.body).toEqual({ created: 0, updated: 0, unchanged: 3, contacts: 0, rows: 3 });

    const xlsx = await adviser.get(exportUrl('?format=xlsx')).responseType('blob');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe(
      `attachment; filename="caseload-${tenant.slug}-${cycleCode}-${londonDay()}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...CASELOAD_EXPORT_COLUMNS]);
    const cells = sheet.getColumn(2).values.filter((value) => typeof value === 'string');
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","Click")`);
    // Every cell is text: nothing a spreadsheet program would evaluate.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).toBe(ExcelJS.ValueType.String)));
    const xlsxImport = await adviser.upload('POST', importUrl(), xlsx.body as Buffer, 'export.xlsx');
    expect(xlsxImport.body).toEqual({ created: 0, updated: 0, unchanged: 3, contacts: 0, rows: 3 });

    const [stored] = await api.fixtures.owner.query(`SELECT name, local_authority FROM providers WHERE ods_code = $1`, [
      evil,
    ]);
    expect(stored).toEqual({ name: '=HYPERLINK("http://evil.example","Click")', local_authority: '+44 Leeds' });
  });

  it("takes the caseload list's filters and sort, and says which parameter is wrong", async () => {
    const london = await adviser.get(exportUrl('?region=London'));
    expect(london.text.trim().split('\n')).toHaveLength(2);
    expect(london.text).toContain('Alder House');
    const byName = await adviser.get(exportUrl('?sort=name'));
    const codes = (text: string) =>
      text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
    expect(codes(byName.text)).toEqual([evil, hq, branch]);
    expect(codes((await adviser.get(exportUrl('?sort=name&direction=desc'))).text)).toEqual([branch, hq, evil]);
    const mine = await adviser.get(exportUrl('?view=mine'));
    expect(mine.text.trim().split('\n')).toHaveLength(2);
    for (const query of ['?format=pdf', '?page=2', '?region=Mars']) {
      const bad = await adviser.get(exportUrl(query));
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      expect((bad.body as ApiErrorBody).details?.[0].field).toBe(query.slice(1).split('=')[0]);
    }
  });

  it('is open to viewers and audited, and another LSP exports only its own', async () => {
    const viewerUser = await api.fixtures.member(tenant, 'viewer', { mfa: true });
    const viewer = await new ApiClient(api.app).signIn(viewerUser.email, viewerUser.password, viewerUser.totpSecret);
    expect((await viewer.get(exportUrl())).status).toBe(200);
    const [event] = await api.fixtures.owner.query(
      `SELECT after FROM audit_events WHERE tenant_id = $1 AND action = 'caseload.exported' AND actor_user_id = $2`,
      [tenant.id, viewerUser.id],
    );
    expect(event.after).toEqual({ cycle: cycleCode, providers: 3, filters: {} });

    const other = await api.fixtures.tenant('export-other');
    const otherUser = await api.fixtures.member(other, 'adviser', { mfa: true });
    const otherClient = await new ApiClient(api.app).signIn(otherUser.email, otherUser.password, otherUser.totpSecret);
    const otherExport = await otherClient.get(`/api/tenants/${other.slug}/providers/export`);
    expect(otherExport.status).toBe(200);
    expect(otherExport.text.replace(/^\uFEFF/, '').trim()).toBe(CASELOAD_EXPORT_COLUMNS.join(','));
    expect((await otherClient.get(exportUrl())).status).toBe(403);
  });
});
