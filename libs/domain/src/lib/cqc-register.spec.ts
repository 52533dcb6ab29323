import {
  cqcLocationFromRow,
  isAdultSocialCareLocation,
  normaliseLocalAuthorities,
  readCqcRegister,
  serviceTypeFromRegister,
} from './cqc-register';

describe('isAdultSocialCareLocation', () => {
  it.each([
    ['a care home', { careHome: true, inspectionCategory: 'Residential social care' }, true],
    ['a care home whatever its category', { careHome: true, inspectionCategory: 'Hospice services' }, true],
    ['residential social care', { careHome: false, inspectionCategory: 'Residential social care' }, true],
    [
      'community based adult social care',
      { careHome: false, inspectionCategory: 'Community based adult social care services' },
      true,
    ],
    [
      'any case and spacing',
      { careHome: false, inspectionCategory: '  COMMUNITY BASED ADULT SOCIAL CARE SERVICES ' },
      true,
    ],
    [
      'the adult social care directorate',
      { careHome: false, inspectionCategory: 'Something new', inspectionDirectorate: 'Adult social care' },
      true,
    ],
    ['a GP practice', { careHome: false, inspectionCategory: 'GP Practices' }, false],
    ['a dentist', { careHome: false, inspectionCategory: 'Dentists' }, false],
    [
      'a hospice',
      { careHome: false, inspectionCategory: 'Hospice services', inspectionDirectorate: 'Hospitals' },
      false,
    ],
    ['no category at all', { careHome: false, inspectionCategory: null }, false],
  ])('%s: %s', (_name, location, kept) => {
    expect(isAdultSocialCareLocation({ inspectionDirectorate: null, ...location })).toBe(kept);
  });
});

describe('cqcLocationFromRow', () => {
  const row = (values: Record<string, string>) => ({ row: 7, values });

  it('reads a full row, upper-casing the ODS code and blank optional cells as null', () => {
    expect(
      cqcLocationFromRow(
        row({
          locationId: '1-101',
          odsCode: ' vab12 ',
          name: 'Oak House',
          localAuthority: 'Leeds',
          region: 'Yorkshire and The Humber',
          careHome: 'Y',
          inspectionCategory: 'Residential social care',
          providerId: '',
        }),
      ),
    ).toEqual({
      location: {
        locationId: '1-101',
        odsCode: 'VAB12',
        name: 'Oak House',
        localAuthority: 'Leeds',
        region: 'Yorkshire and The Humber',
        careHome: true,
        inspectionCategory: 'Residential social care',
        inspectionDirectorate: null,
        providerId: null,
        providerName: null,
      },
    });
  });

  it.each([
    [{ name: 'A', localAuthority: 'Leeds', careHome: 'N' }, [['locationId', 'location id is missing']]],
    [{ locationId: '1-1', localAuthority: 'Leeds' }, [['name', 'location name is missing']]],
    [
      { locationId: '1-1', name: 'A', careHome: 'maybe' },
      [
        ['localAuthority', 'location local authority is missing'],
        ['careHome', 'Care home? must be Y or N, not "maybe"'],
      ],
    ],
  ])('names every problem of a bad row: %j', (values, expected) => {
    expect(cqcLocationFromRow(row(values)).problems).toEqual(
      expected.map(([field, message]) => ({ row: 7, field, message })),
    );
  });
});

describe('serviceTypeFromRegister', () => {
  it.each([
    [true, 'Residential social care', 'care_home_residential'],
    [false, 'Community based adult social care services', 'homecare'],
    [false, 'Residential social care', 'other'],
    [false, null, 'other'],
  ] as const)('care home %s, category %s: %s', (careHome, inspectionCategory, serviceType) => {
    expect(serviceTypeFromRegister({ careHome, inspectionCategory })).toBe(serviceType);
  });
});

describe('normaliseLocalAuthorities', () => {
  it.each([
    [
      [' Leeds ', 'leeds', 'Bradford'],
      ['Bradford', 'Leeds'],
    ],
    [['Kingston  upon Hull', ''], ['Kingston upon Hull']],
    [[], []],
  ])('%j → %j', (input, expected) => {
    expect(normaliseLocalAuthorities(input)).toEqual(expected);
  });
});

describe('readCqcRegister', () => {
  const row = (row: number, values: Record<string, string>) => ({ row, values });
  const home = { name: 'Home', localAuthority: 'Leeds', careHome: 'Y' };

  it('keeps adult social care rows, checks only those, and refuses a repeated location id', () => {
    const reading = readCqcRegister([
      row(2, { locationId: '1-1', ...home }),
      row(3, { locationId: '1-2', name: 'Surgery', careHome: 'N', inspectionCategory: 'GP Practices' }),
      row(4, {
        locationId: '1-3',
        name: 'Homecare',
        careHome: 'N',
        inspectionCategory: 'Community based adult social care services',
      }),
      row(5, { locationId: '1-1', ...home }),
    ]);
    expect(reading.rows).toBe(4);
    expect(reading.kept.map((location) => location.locationId)).toEqual(['1-1']);
    expect(reading.problems).toEqual([
      { row: 4, field: 'localAuthority', message: 'location local authority is missing' },
      { row: 5, field: 'locationId', message: 'Location ID 1-1 is already on row 2' },
    ]);
  });
});
