import { readProviderSheetRows } from './provider-sheet-rows';

const base = {
  ods_code: 'vab12',
  name: ' Oak House ',
  kind: 'Single_Site',
  service_type: 'HOMECARE',
  size_band: 'small',
  local_authority: 'Leeds',
  region: 'north west',
};
const row = (row: number, values: Record<string, string>) => ({ row, values: { ...base, ...values } });

describe('readProviderSheetRows', () => {
  it("reads a row in the API's terms: codes normalised, values in any case, blanks and absent columns told apart", () => {
    const { rows, problems } = readProviderSheetRows([
      row(2, {
        contact_name: 'Pat',
        contact_email: ' Pat@Oak.Example ',
        contact_role: 'Owner',
        assigned_adviser_email: 'Adviser@LSP.example',
        has_ce_plus: 'Yes',
      }),
      row(3, { ods_code: 'VCD34', assigned_adviser_email: '', has_ce_plus: '' }),
      row(4, { ods_code: 'VEF56' }),
    ]);
    expect(problems).toEqual([]);
    expect(rows[0]).toEqual({
      row: 2,
      fields: {
        odsCode: 'VAB12',
        name: 'Oak House',
        kind: 'single_site',
        parentOdsCode: null,
        serviceType: 'homecare',
        sizeBand: 'small',
        localAuthority: 'Leeds',
        region: 'North West',
      },
      hasCePlus: true,
      adviserEmail: 'adviser@lsp.example',
      contact: { name: 'Pat', email: 'pat@oak.example', role: 'owner' },
      valid: true,
    });
    expect(rows[1]).toMatchObject({ hasCePlus: false, adviserEmail: null });
    expect(rows[2]).not.toHaveProperty('hasCePlus');
    expect(rows[2]).not.toHaveProperty('adviserEmail');
    expect(rows[2]).not.toHaveProperty('contact');
  });

  it('names problems by column, including the API rules, and still answers every row', () => {
    const { rows, problems } = readProviderSheetRows([
      row(2, { kind: 'hq', ods_code: 'V1234', name: 'x'.repeat(201) }),
      row(3, { ods_code: 'v1234', kind: 'castle', contact_role: 'owner' }),
      row(4, { ods_code: 'VAB12', has_ce_plus: 'perhaps' }),
    ]);
    expect(problems).toEqual([
      { row: 2, field: 'name', message: 'name must be at most 200 characters' },
      {
        row: 2,
        field: 'ods_code',
        message: 'This looks like a site code (V + 4 characters): an HQ uses its organisation code',
      },
      { row: 3, field: 'contact_name', message: 'contact_name is empty: a contact needs a name, an email and a role' },
      {
        row: 3,
        field: 'contact_email',
        message: 'contact_email is empty: a contact needs a name, an email and a role',
      },
      { row: 3, field: 'kind', message: 'kind must be one of: single_site, hq, branch' },
      { row: 4, field: 'has_ce_plus', message: 'has_ce_plus must be yes or no, not "perhaps"' },
    ]);
    expect(rows.map((entry) => entry.valid)).toEqual([false, false, false]);
  });

  it('finds codes listed twice', () => {
    const { problems } = readProviderSheetRows([
      row(2, {}),
      row(3, { ods_code: 'VAB13' }),
      row(4, { ods_code: ' VAB12' }),
    ]);
    expect(problems).toEqual([{ row: 4, field: 'ods_code', message: 'VAB12 is already on row 2' }]);
  });
});
