import {
  dsptListEntryCycle,
  mapDsptListHeader,
  officialLevel,
  parseDsptListDate,
  parseDsptStatus,
  readDsptListRows,
  reconciliationKind,
} from './dspt-status-list';

describe('mapDsptListHeader', () => {
  it.each([
    [
      'the current layout',
      ['Organisation Code', 'Organisation Name', 'Status', 'Date Published'],
      { code: 'Organisation Code', name: 'Organisation Name', status: 'Status', date: 'Date Published' },
    ],
    [
      'an older layout, other case and order',
      ['latest status', 'ODS CODE', 'Name', 'Latest Publication Date', 'Sector'],
      { code: 'ODS CODE', name: 'Name', status: 'latest status', date: 'Latest Publication Date' },
    ],
    [
      'the shortest names, no date',
      [' Code ', 'Assessment Status'],
      { code: 'Code', name: null, status: 'Assessment Status', date: null },
    ],
    [
      'the preferred synonym when several are there',
      ['Code', 'Organisation Code', 'Published', 'Status'],
      { code: 'Organisation Code', name: null, status: 'Status', date: 'Published' },
    ],
  ])('maps %s', (_name, headers, mapping) => {
    expect(mapDsptListHeader(headers)).toEqual({ mapping });
  });

  it.each([
    [
      ['Organisation Name', 'Status'],
      /no code \("organisation code", "ods code", "code"\) column.*"Organisation Name", "Status"/,
    ],
    [['Code', 'Outcome'], /no status \(.*\) column. The file's columns are "Code", "Outcome"$/],
    [['Provider', 'Result'], /no code .* and no status .*"Provider", "Result"$/],
  ])('refuses %j naming the columns it has', (headers, refusal) => {
    const answer = mapDsptListHeader(headers);
    expect('refusal' in answer && answer.refusal).toMatch(refusal);
  });
});

describe('parseDsptStatus', () => {
  it.each([
    ['Standards Met', { status: 'standards_met', cycle: null }],
    ['standards exceeded', { status: 'standards_exceeded', cycle: null }],
    ['Approaching  Standards', { status: 'approaching_standards', cycle: null }],
    ['Not Published', { status: 'not_published', cycle: null }],
    ['24/25 Standards Met', { status: 'standards_met', cycle: '2024-25' }],
    ['25/26 Approaching Standards', { status: 'approaching_standards', cycle: '2025-26' }],
    ['2023/24 Standards Exceeded', { status: 'standards_exceeded', cycle: '2023-24' }],
    ['Standards Not Met', null],
    ['Met', null],
    ['24/26 Standards Met', null],
    ['', null],
  ])('reads %j', (raw, expected) => {
    expect(parseDsptStatus(raw)).toEqual(expected);
  });
});

describe('parseDsptListDate', () => {
  it.each([
    ['2025-03-14', '2025-03-14'],
    ['2025-03-14T10:22:00Z', '2025-03-14'],
    ['14/03/2025', '2025-03-14'],
    ['4/3/2025', '2025-03-04'],
    ['14 March 2025', '2025-03-14'],
    ['14 Mar 2025', '2025-03-14'],
    ['', null],
    ['31/02/2025', undefined],
    ['yesterday', undefined],
  ])('reads %j', (raw, expected) => {
    expect(parseDsptListDate(raw)).toBe(expected);
  });
});

describe('readDsptListRows', () => {
  const mapping = { code: 'Organisation Code', name: 'Organisation Name', status: 'Status', date: 'Date Published' };
  const row = (row: number, code: string, status: string, date = '') => ({
    row,
    values: { 'organisation code': code, 'organisation name': `Org ${code}`, status, 'date published': date },
  });

  it('keeps good rows, lists unknown statuses by value and skips bad rows by name', () => {
    const read = readDsptListRows(
      [
        row(2, ' v1a2b ', '24/25 Standards Met', '01/06/2025'),
        row(3, 'A1B2C', 'Not Published', '01/06/2025'),
        row(4, 'V9X9X', 'Standards Not Met'),
        row(5, 'V9X9Y', 'Standards Not Met'),
        row(6, '', 'Standards Met'),
        row(7, 'V1A2B', 'Standards Met'),
        row(8, 'V7A7A', 'Standards Met', 'soon'),
      ],
      mapping,
    );
    expect(read.entries).toEqual([
      {
        row: 2,
        odsCode: 'V1A2B',
        organisationName: 'Org  v1a2b',
        status: 'standards_met',
        statusCycle: '2024-25',
        publishedOn: '2025-06-01',
      },
      {
        row: 3,
        odsCode: 'A1B2C',
        organisationName: 'Org A1B2C',
        status: 'not_published',
        statusCycle: null,
        publishedOn: null,
      },
    ]);
    expect(read.unknownStatuses).toEqual([{ value: 'Standards Not Met', rows: [4, 5] }]);
    expect(read.skipped).toEqual([
      { row: 6, field: 'Organisation Code', message: 'No organisation code' },
      { row: 7, field: 'Organisation Code', message: 'V1A2B is already on row 2' },
      { row: 8, field: 'Date Published', message: '"soon" is not a date' },
    ]);
  });
});

describe('the cycle and level a list entry speaks of', () => {
  it.each([
    [{ status: 'standards_met', statusCycle: '2024-25', publishedOn: '2025-08-01' }, '2025-09-01', '2024-25'],
    [{ status: 'standards_met', statusCycle: null, publishedOn: '2025-06-30' }, '2025-09-01', '2024-25'],
    [{ status: 'standards_met', statusCycle: null, publishedOn: '2025-07-01' }, '2025-09-01', '2025-26'],
    [{ status: 'standards_met', statusCycle: null, publishedOn: null }, '2025-09-01', '2025-26'],
  ] as const)('%j listed on %s is for %s', (entry, listedOn, cycle) => {
    expect(dsptListEntryCycle(entry, listedOn)).toBe(cycle);
  });

  it.each([
    [{ status: 'standards_met', statusCycle: '2025-26', publishedOn: null }, 'standards_met'],
    [{ status: 'standards_met', statusCycle: '2024-25', publishedOn: null }, null],
    [{ status: 'not_published', statusCycle: null, publishedOn: null }, null],
    [{ status: 'approaching_standards', statusCycle: null, publishedOn: '2025-10-01' }, 'approaching_standards'],
  ] as const)('%j is officially %s in 2025-26', (entry, level) => {
    expect(officialLevel(entry, '2025-11-01', '2025-26')).toBe(level);
  });
});

describe('reconciliationKind', () => {
  it.each([
    [null, null, null],
    ['standards_met', 'standards_met', null],
    ['standards_met', null, 'not_on_list'],
    ['standards_met', 'standards_exceeded', 'different_level'],
    [null, 'approaching_standards', 'not_in_portal'],
  ] as const)('portal %s, list %s: %s', (portal, official, kind) => {
    expect(reconciliationKind(portal, official)).toBe(kind);
  });
});
