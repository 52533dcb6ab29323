import type { ProviderFields } from '../providers';
import { type ExistingProvider, type LspSnapshot, planProviderImport } from './provider-import-plan';
import type { ProviderSheetRow } from './provider-sheet-rows';

const fields = (odsCode: string, change: Partial<ProviderFields> = {}): ProviderFields => ({
  odsCode,
  name: `Provider ${odsCode}`,
  kind: 'single_site',
  parentOdsCode: null,
  serviceType: 'homecare',
  sizeBand: 'small',
  localAuthority: 'Leeds',
  region: 'London',
  assignedAdviserId: null,
  hasCePlus: false,
  ...change,
});
const sheetRow = (
  row: number,
  odsCode: string,
  fieldChange: Partial<ProviderFields> = {},
  rest: Partial<ProviderSheetRow> = {},
): ProviderSheetRow => {
  const { assignedAdviserId: _adviser, hasCePlus: _cePlus, ...sheetFields } = fields(odsCode, fieldChange);
  return { row, fields: sheetFields, valid: true, ...rest };
};
const existing = (
  id: string,
  provider: ProviderFields,
  extra: Partial<ExistingProvider> = {},
): [string, ExistingProvider] => [provider.odsCode, { id, fields: provider, archived: false, version: 3, ...extra }];
const empty: LspSnapshot = {
  existing: new Map(),
  contacts: [],
  advisers: new Map(),
  branchesOf: new Map(),
  takenElsewhere: new Set(),
};

describe('planProviderImport', () => {
  it('creates new codes, updates changed ones, leaves the rest; keeps an adviser and CE+ when their columns are left out', () => {
    const lsp: LspSnapshot = {
      ...empty,
      existing: new Map([
        existing('p1', fields('VAA01', { assignedAdviserId: 'u1', hasCePlus: true })),
        existing('p2', fields('VAA02')),
      ]),
    };
    const outcome = planProviderImport(
      [sheetRow(2, 'VAA01'), sheetRow(3, 'VAA02', { name: 'Renamed' }), sheetRow(4, 'VAA03', {}, { hasCePlus: true })],
      lsp,
    );
    expect(outcome).toEqual({
      plan: {
        creates: [{ row: 4, fields: fields('VAA03', { hasCePlus: true }) }],
        updates: [
          {
            row: 3,
            id: 'p2',
            version: 3,
            fields: fields('VAA02', { name: 'Renamed' }),
            changes: { before: { name: 'Provider VAA02' }, after: { name: 'Renamed' } },
          },
        ],
        unchanged: 1,
        contactInserts: [],
        contactUpdates: [],
      },
    });
  });

  it('matches contacts by email: changed ones updated, new ones added, primary only when the provider has none', () => {
    const lsp: LspSnapshot = {
      ...empty,
      existing: new Map([existing('p1', fields('VAA01')), existing('p2', fields('VAA02'))]),
      contacts: [{ id: 'c1', providerId: 'p1', name: 'Pat', email: 'pat@a.example', role: 'owner', isPrimary: true }],
    };
    const outcome = planProviderImport(
      [
        sheetRow(2, 'VAA01', {}, { contact: { name: 'Pat Lee', email: 'pat@a.example', role: 'owner' } }),
        sheetRow(3, 'VAA02', {}, { contact: { name: 'Sam', email: 'sam@b.example', role: 'other' } }),
        sheetRow(4, 'VAA03', {}, { contact: { name: 'Ash', email: 'ash@c.example', role: 'dspt_admin' } }),
      ],
      lsp,
    );
    expect('plan' in outcome && outcome.plan.contactUpdates).toEqual([
      { before: lsp.contacts[0], after: { ...lsp.contacts[0], name: 'Pat Lee' } },
    ]);
    expect('plan' in outcome && outcome.plan.contactInserts).toEqual([
      { odsCode: 'VAA02', contact: { name: 'Sam', email: 'sam@b.example', role: 'other' }, isPrimary: true },
      { odsCode: 'VAA03', contact: { name: 'Ash', email: 'ash@c.example', role: 'dspt_admin' }, isPrimary: true },
    ]);
  });

  it('refuses codes held by another LSP with 409-style problems, alone or among others', () => {
    const lsp = { ...empty, takenElsewhere: new Set(['VAA09']) };
    expect(planProviderImport([sheetRow(2, 'VAA01'), sheetRow(3, 'VAA09')], lsp)).toEqual({
      problems: [{ row: 3, field: 'ods_code', message: 'ODS code VAA09 is already registered' }],
      onlyTakenCodes: true,
    });
    const mixed = planProviderImport(
      [sheetRow(2, 'VAA09'), sheetRow(3, 'VAA01', {}, { adviserEmail: 'who@x.example' })],
      lsp,
    );
    expect(mixed).toEqual({
      problems: [
        { row: 2, field: 'ods_code', message: 'ODS code VAA09 is already registered' },
        { row: 3, field: 'assigned_adviser_email', message: 'who@x.example is not an adviser or admin of this LSP' },
      ],
      onlyTakenCodes: false,
    });
  });

  it('judges HQ links with the file first, then the LSP', () => {
    const lsp: LspSnapshot = {
      ...empty,
      existing: new Map([
        existing('h1', fields('C0001', { kind: 'hq' })),
        existing('h2', fields('C0002', { kind: 'hq' })),
      ]),
      branchesOf: new Map([['C0002', ['VBB01', 'VBB02']]]),
    };
    const outcome = planProviderImport(
      [
        sheetRow(2, 'VAA01', { kind: 'branch', parentOdsCode: 'C0001' }),
        // C0001 is not in the file: it stays an HQ. C0002 becomes a single site, but VBB02 (not in the file) and VAA02 still name it.
        sheetRow(3, 'C0002', { kind: 'single_site' }),
        sheetRow(4, 'VBB01', { kind: 'branch', parentOdsCode: 'C0003' }),
        sheetRow(5, 'C0003', { kind: 'hq' }),
        sheetRow(6, 'VAA02', { kind: 'branch', parentOdsCode: 'C0002' }),
      ],
      lsp,
    );
    expect(outcome).toEqual({
      problems: [
        { row: 3, field: 'kind', message: 'This HQ has 2 branches: link them to another HQ first' },
        { row: 6, field: 'parent_ods_code', message: 'C0002 is a single site, not an HQ' },
      ],
      onlyTakenCodes: false,
    });
  });
});
