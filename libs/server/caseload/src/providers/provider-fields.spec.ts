import { fieldChanges, mergeFields, type ProviderFields, staleEditDetails } from './provider-fields';

const current: ProviderFields = {
  odsCode: 'VAB12',
  name: 'Rose Court',
  kind: 'branch',
  parentOdsCode: 'AHQ1',
  serviceType: 'care_home_residential',
  sizeBand: 'small',
  localAuthority: 'Leeds',
  region: 'Yorkshire and The Humber',
  assignedAdviserId: null,
  hasCePlus: false,
};

describe('fieldChanges', () => {
  it('lists only the fields that differ, old and new', () => {
    expect(fieldChanges(current, { ...current, name: 'Rose Court Care', hasCePlus: true })).toEqual({
      before: { name: 'Rose Court', hasCePlus: false },
      after: { name: 'Rose Court Care', hasCePlus: true },
    });
  });

  it('is null when nothing changes', () => {
    expect(fieldChanges(current, { ...current })).toBeNull();
  });
});

describe('mergeFields', () => {
  it('applies the fields given and keeps the rest', () => {
    expect(mergeFields(current, { name: 'New name', region: undefined })).toEqual({ ...current, name: 'New name' });
  });

  it('drops the HQ of a branch that becomes a single site, unless the edit names one', () => {
    expect(mergeFields(current, { kind: 'single_site' }).parentOdsCode).toBeNull();
    expect(mergeFields(current, { kind: 'single_site', parentOdsCode: 'AHQ1' }).parentOdsCode).toBe('AHQ1');
    expect(mergeFields(current, { name: 'x' }).parentOdsCode).toBe('AHQ1');
  });
});

describe('staleEditDetails', () => {
  const now = { ...current, name: 'Rose Court Care', sizeBand: 'medium', archivedAt: null };
  const history = [
    { after: { name: 'Rose Court Two', version: 2 }, actor: 'Sam' },
    { after: { name: 'Rose Court Care', sizeBand: 'medium', version: 3 }, actor: 'Alex' },
    { after: { assignedAdviserId: 'x', version: 4, lastContactAt: 'not a provider field' }, actor: null },
  ];

  it('names each field changed after the version the edit started from, with its value now and who changed it last', () => {
    expect(staleEditDetails(history, 1, now)).toEqual([
      { field: 'name', message: 'name was changed by Alex after you opened this provider', current: 'Rose Court Care' },
      { field: 'sizeBand', message: 'sizeBand was changed by Alex after you opened this provider', current: 'medium' },
      {
        field: 'assignedAdviserId',
        message: 'assignedAdviserId was changed by someone else after you opened this provider',
        current: null,
      },
    ]);
  });

  it('ignores changes the editor had already seen, and entries without a version', () => {
    expect(staleEditDetails([...history, { after: null, actor: 'Kim' }], 3, now).map((detail) => detail.field)).toEqual(
      ['assignedAdviserId'],
    );
    expect(staleEditDetails(history, 4, now)).toEqual([]);
  });
});
