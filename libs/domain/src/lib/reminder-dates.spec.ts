import {
  addDays,
  BANK_HOLIDAYS_KNOWN_UNTIL,
  firstDayBeyondBankHolidays,
  dueReminderStep,
  ENGLAND_AND_WALES_BANK_HOLIDAYS,
  isWorkingDay,
  londonTimeOnDay,
  nextWorkingDayOnOrAfter,
  reminderOffsetProblems,
  reminderSchedule,
  reminderSendDay,
} from './reminder-dates';

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

describe('reminderSchedule: more calendar cases', () => {
  it('moves a Saturday step to Monday and a bank-holiday Monday step to Tuesday', () => {
    // 2027-06-30 minus 4 days is Saturday 26 June; minus 31 days is Monday 31 May, the spring bank holiday.
    expect(reminderSchedule('2027-06-30', [4, 31], new Date(0)).map((step) => [step.offsetDays, step.sendOn])).toEqual([
      [31, '2027-06-01'],
      [4, '2027-06-28'],
    ]);
  });

  it('keeps 09:00 London in the week the clocks go back (BST before, GMT after)', () => {
    const steps = reminderSchedule('2027-06-30', [247, 250], new Date(0));
    expect(at(steps)).toEqual([
      // Friday 23 October 2026, still BST.
      { offset: 250, on: '2026-10-23', at: '2026-10-23T08:00:00.000Z', past: false },
      // Monday 26 October 2026: the clocks went back on Sunday 25th.
      { offset: 247, on: '2026-10-26', at: '2026-10-26T09:00:00.000Z', past: false },
    ]);
  });

  it('never moves a step past the deadline: it goes back to the last working day before', () => {
    // 30 June 2030 is a Sunday: one day before is Saturday, and the next working day would be 1 July.
    expect(reminderSendDay('2030-06-30', 1)).toBe('2030-06-28');
    expect(reminderSendDay('2030-06-30', 3)).toBe('2030-06-27');
  });

  it('handles 29 February as the step day itself in a leap year', () => {
    // 2028-02-29 is a Tuesday.
    expect(at(reminderSchedule('2028-06-30', [122], new Date('2028-02-29T09:00:00Z')))).toEqual([
      { offset: 122, on: '2028-02-29', at: '2028-02-29T09:00:00.000Z', past: true },
    ]);
  });
});

describe('dueReminderStep', () => {
  const deadline = '2027-06-30';
  const schedule = (now: Date) => reminderSchedule(deadline, [90, 30, 7], now);
  const due = (iso: string) => dueReminderStep(deadline, schedule(new Date(iso)), new Date(iso))?.offsetDays ?? null;

  it.each([
    ['2027-04-01T07:59:59Z', null], // a second before the first step (09:00 BST)
    ['2027-04-01T08:00:00Z', 90],
    ['2027-05-31T20:00:00Z', 90], // the bank holiday: the 30-day step waits for Tuesday
    ['2027-06-01T08:00:00Z', 30],
    ['2027-06-23T08:00:00Z', 7],
    ['2027-06-30T22:59:59Z', 7], // last second of the deadline day (BST)
    ['2027-06-30T23:00:00Z', null], // the deadline day is over
  ])('at %s the due step is %s', (iso, expected) => {
    expect(due(iso)).toBe(expected);
  });
});

describe('reminderOffsetProblems', () => {
  const now = new Date('2027-05-01T12:00:00Z');

  it('accepts a new future step and keeping a past one', () => {
    expect(reminderOffsetProblems('2027-06-30', [90, 45, 7], [90, 30, 7], now)).toEqual([]);
  });

  it('refuses adding a step whose day has passed, naming the day', () => {
    expect(reminderOffsetProblems('2027-06-30', [120, 30], [90, 30], now)).toEqual([
      'A step 120 days before the deadline would have gone out on 2027-03-02, which has passed',
    ]);
  });

  it.each([
    [[], 'offsetsDays must hold 1 to 10 steps'],
    [[0], 'offsetsDays must be whole numbers of days from 1 to 365; 0 is not'],
    [[366], 'offsetsDays must be whole numbers of days from 1 to 365; 366 is not'],
    [[1.5], 'offsetsDays must be whole numbers of days from 1 to 365; 1.5 is not'],
    [[7, 7], 'offsetsDays must not repeat a step'],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'offsetsDays must hold 1 to 10 steps'],
  ])('refuses %j', (offsets, message) => {
    expect(reminderOffsetProblems('2027-06-30', offsets, [], now)).toContain(message);
  });
});

describe('the bank holiday data file', () => {
  it('lists only weekdays, in order, eight a year', () => {
    const dates = [...ENGLAND_AND_WALES_BANK_HOLIDAYS];
    expect(dates).toEqual([...dates].sort());
    for (const date of dates) {
      expect({ date, weekday: [1, 2, 3, 4, 5].includes(new Date(`${date}T12:00:00Z`).getUTCDay()) }).toEqual({
        date,
        weekday: true,
      });
    }
    const perYear = new Map<string, number>();
    dates.forEach((date) => perYear.set(date.slice(0, 4), (perYear.get(date.slice(0, 4)) ?? 0) + 1));
    expect([...perYear.values()].every((count) => count === 8)).toBe(true);
  });
});

describe('firstDayBeyondBankHolidays', () => {
  it.each([
    ['every day inside the table', ['2028-03-31', '2028-12-31'], null],
    ['days after it', ['2028-12-01', '2029-04-02', '2029-01-02'], '2029-01-02'],
    ['no days', [], null],
  ])('%s', (_case, days, first) => {
    expect(firstDayBeyondBankHolidays(days, '2028-12-31')).toBe(first);
  });

  it('knows the table up to the end of its last year', () => {
    const lastHoliday = [...ENGLAND_AND_WALES_BANK_HOLIDAYS].sort().at(-1) ?? '';
    expect(BANK_HOLIDAYS_KNOWN_UNTIL).toBe(`${lastHoliday.slice(0, 4)}-12-31`);
  });

  it('flags a 2028-29 cycle, whose steps pass the table (Easter Monday 2029 is not in it)', () => {
    const steps = reminderSchedule('2029-06-30', [90, 30, 7], new Date('2028-01-01T00:00:00Z'));
    expect(firstDayBeyondBankHolidays(steps.map((step) => step.sendOn))).toBe('2029-04-02');
  });
});
