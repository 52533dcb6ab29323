import { FixedClock, londonDate } from './clock';

describe('Clock', () => {
  it("gives England's calendar date, which differs from UTC's just after midnight in summer", () => {
    expect(londonDate(new Date('2026-06-29T23:30:00Z'))).toBe('2026-06-30');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('can be stopped for tests', () => {
    const clock = new FixedClock(new Date('2026-03-01T10:00:00Z'));
    expect(clock.today()).toBe('2026-03-01');
    clock.set(new Date('2026-06-30T10:00:00Z'));
    expect(clock.today()).toBe('2026-06-30');
  });
});
