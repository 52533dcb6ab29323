import { cycleForDate, cycleFromCode, daysBetween, parseIsoDate } from './assessment-cycle';

describe('cycleForDate', () => {
  it.each([
    ['2026-06-30', '2025-26', '2026-06-30'],
    ['2026-07-01', '2026-27', '2027-06-30'],
    ['2026-11-25', '2026-27', '2027-06-30'],
    ['2027-01-01', '2026-27', '2027-06-30'],
    ['2099-12-31', '2099-00', '2100-06-30'],
  ])('%s falls in cycle %s with deadline %s', (day, code, deadline) => {
    expect(cycleForDate(day)).toEqual({ code, deadline, startsOn: `${Number(deadline.slice(0, 4)) - 1}-07-01` });
  });

  it('refuses a date that does not exist', () => {
    expect(() => cycleForDate('2026-02-29')).toThrow('not a real calendar date');
    expect(() => cycleForDate('30/06/2026')).toThrow('YYYY-MM-DD');
  });
});

describe('cycleFromCode', () => {
  it('reads a cycle code', () => {
    expect(cycleFromCode('2024-25')).toEqual({ code: '2024-25', startsOn: '2024-07-01', deadline: '2025-06-30' });
  });

  it.each(['2024-26', '2024', '24-25', '2024-2025'])('refuses %s', (code) => {
    expect(() => cycleFromCode(code)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-06-30', '2026-06-30', 0],
    ['2026-04-01', '2026-06-30', 90],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-07-01', '2026-06-30', -1],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('parseIsoDate', () => {
  it('accepts 29 February in a leap year', () => {
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
  });
});
