import { clockTimeFrom, formatPortalDate, londonClockTime, londonToday, ukInstant } from './portal-dates';

// The web tests run in New York's zone (tools/jest/web-time-zone.ts), as a browser abroad would.
describe('formatPortalDate', () => {
  it('runs in a browser zone other than the UK', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
    expect(new Date('2026-08-09T23:30:00Z').getDate()).toBe(9);
  });

  it.each([
    ['a calendar day', '2026-08-09', 'date', '9 August 2026'],
    ['a calendar day with its weekday', '2026-08-09', 'weekday', 'Sunday 9 August 2026'],
    [
      'an instant late on a summer evening in UTC (BST: the next day)',
      '2026-08-09T23:30:00Z',
      'dateTime',
      '10 August 2026 at 12:30am',
    ],
    ['an instant just before midnight UTC in summer', '2026-06-30T23:05:00.000Z', 'date', '1 July 2026'],
    ['an instant in winter (GMT)', '2026-12-31T23:30:00Z', 'dateTime', '31 December 2026 at 11:30pm'],
    ['an afternoon time', '2026-08-09T13:05:00Z', 'dateTime', '9 August 2026 at 2:05pm'],
    ['a time on the hour', '2026-01-15T09:00:00Z', 'time', '9am'],
    ['midday', '2026-08-09T11:00:00Z', 'time', 'midday'],
    ['midnight', '2026-08-09T23:00:00Z', 'time', 'midnight'],
    ['a Date object', new Date('2026-03-29T00:30:00Z'), 'dateTime', '29 March 2026 at 12:30am'],
    ['just after the clocks go forward', new Date('2026-03-29T01:30:00Z'), 'dateTime', '29 March 2026 at 2:30am'],
    ['nothing', null, 'date', ''],
    ['text that is no date', 'soon', 'date', ''],
  ] as const)('writes %s in UK time', (_case, value, style, expected) => {
    expect(formatPortalDate(value, style)).toBe(expected);
  });

  it("gives today's date in the UK, not in the browser's zone", () => {
    expect(londonToday(new Date('2026-08-09T23:30:00Z'))).toBe('2026-08-10');
    expect(londonToday(new Date('2026-01-10T23:30:00Z'))).toBe('2026-01-10');
  });
});

describe('ukInstant', () => {
  it.each([
    ['2026-03-04', '14:15', '2026-03-04T14:15:00.000Z'],
    ['2026-08-09', '00:30', '2026-08-08T23:30:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T02:00:00.000Z'],
    ['2026-10-25', '12:00', '2026-10-25T12:00:00.000Z'],
  ])('reads %s at %s on a UK clock as %s', (day, time, iso) => {
    expect(ukInstant(day, time).toISOString()).toBe(iso);
  });
});

describe('clockTimeFrom', () => {
  it.each([
    ['14:30', '14:30'],
    ['2:30pm', '14:30'],
    ['2.30 PM', '14:30'],
    ['9am', '09:00'],
    ['12am', '00:00'],
    ['12:15pm', '12:15'],
    ['midday', '12:00'],
    ['midnight', '00:00'],
    ['14', null],
    ['25:00', null],
    ['13pm', null],
    ['soon', null],
    ['', null],
  ])('reads %j as %j', (typed, time) => {
    expect(clockTimeFrom(typed)).toBe(time);
  });

  it('writes the time now as a person would type it', () => {
    expect(londonClockTime(new Date('2026-08-09T13:05:00Z'))).toBe('2:05pm');
    expect(clockTimeFrom(londonClockTime(new Date('2026-08-09T23:05:00Z')))).toBe('00:05');
  });
});
