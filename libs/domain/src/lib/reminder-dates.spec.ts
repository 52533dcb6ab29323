import { addDays, isWorkingDay, londonTimeOnDay, nextWorkingDayOnOrAfter, reminderSchedule } from './reminder-dates';

const at = (steps: ReturnType<typeof reminderSchedule>) =>
  steps.map((step) => ({ offset: step.offsetDays, on: step.sendOn, at: step.sendAt.toISOString(), past: step.past }));

describe('reminderSchedule', () => {
  it('sends the default steps for the 2026-27 deadline at 09:00 London time, moving off a bank holiday', () => {
    expect(at(reminderSchedule('2027-06-30', [7, 90, 30], new Date('2026-11-25T12:00:00Z')))).toEqual([
      { offset: 90, on: '2027-04-01', at: '2027-04-01T08:00:00.000Z', past: false },
      // 31 May 2027 is the spring bank holiday.
      { offset: 30, on: '2027-06-01', at: '2027-06-01T08:00:00.000Z', past: false },
      { offset: 7, on: '2027-06-23', at: '2027-06-23T08:00:00.000Z', past: false },
    ]);
  });

  it('moves through Easter into the week the clocks changed, and keeps 09:00 on both sides of the change', () => {
    const steps = reminderSchedule('2027-06-30', [96, 97], new Date('2026-11-25T12:00:00Z'));
    expect(at(steps)).toEqual([
      // Thursday 25 March 2027, still GMT.
      { offset: 97, on: '2027-03-25', at: '2027-03-25T09:00:00.000Z', past: false },
      // Good Friday 26th, the weekend (BST from Sunday 28th), Easter Monday 29th: Tuesday 30th, BST.
      { offset: 96, on: '2027-03-30', at: '2027-03-30T08:00:00.000Z', past: false },
    ]);
  });

  it('handles leap years', () => {
    expect(reminderSchedule('2028-06-30', [122], new Date(0))[0].sendOn).toBe('2028-02-29');
    // 2027 has no 29 February: 122 days before lands on Sunday 28 February, so Monday 1 March.
    expect(reminderSchedule('2027-06-30', [122], new Date(0))[0].sendOn).toBe('2027-03-01');
  });

  it('marks steps already past at the given moment, to the minute', () => {
    const before = reminderSchedule('2027-06-30', [90], new Date('2027-04-01T07:59:00Z'));
    const after = reminderSchedule('2027-06-30', [90], new Date('2027-04-01T08:00:00Z'));
    expect(before[0].past).toBe(false);
    expect(after[0].past).toBe(true);
  });

  it('ignores repeated offsets', () => {
    expect(reminderSchedule('2027-06-30', [30, 30], new Date(0))).toHaveLength(1);
  });
});

describe('working days', () => {
  it('skips weekends and the Christmas substitute days', () => {
    expect(isWorkingDay('2026-11-25')).toBe(true);
    expect(isWorkingDay('2026-11-28')).toBe(false);
    // 25 December 2026 is a Friday; Boxing Day falls on Saturday, so Monday 28th is the substitute.
    expect(nextWorkingDayOnOrAfter('2026-12-25')).toBe('2026-12-29');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('londonTimeOnDay', () => {
  it('uses GMT in winter and BST in summer, switching on the last Sundays of March and October', () => {
    expect(londonTimeOnDay('2026-10-24', 9).toISOString()).toBe('2026-10-24T08:00:00.000Z');
    expect(londonTimeOnDay('2026-10-25', 9).toISOString()).toBe('2026-10-25T09:00:00.000Z');
    expect(londonTimeOnDay('2027-03-27', 9).toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(londonTimeOnDay('2027-03-28', 9).toISOString()).toBe('2027-03-28T08:00:00.000Z');
  });
});
