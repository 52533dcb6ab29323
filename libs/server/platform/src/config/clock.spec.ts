import { FixedClock, londonDate } from './clock';

describe('Clock', () => {
  it("gives England's calendar date, which differs from UTC's just after midnight in summer", () => {
    expect(londonDate(new Date('2026-06-29T23:30:00Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('gives the same date as formatting afresh, for instants in any order across a year and both clock changes', () => {
    const fresh = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });
    const start = Date.parse('2026-01-01T00:00:00Z');
    const instants = Array.from({ length: 20_000 }, (_, index) => start + ((index * 7_919 * 60_000) % 31_536_000_000));
    for (const instant of [...instants, ...instants.reverse()]) {
      expect(londonDate(new Date(instant))).toBe(fresh.format(instant));
    }
  });

  it('can be stopped for tests', () => {
    const clock = new FixedClock(new Date('2026-03-01T10:00:00Z'));
    expect(clock.today()).toBe('2026-03-01');
    clock.set(new Date('2026-06-30T10:00:00Z'));
    expect(clock.today()).toBe('2026-06-30');
  });
});
