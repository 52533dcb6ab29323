import { parseIsoDate } from './assessment-cycle';
import bankHolidays from './data/england-and-wales-bank-holidays.json';

/** Default reminder steps: about three months before the deadline, then a month and a week before. */
export const DEFAULT_REMINDER_OFFSETS_DAYS = [90, 30, 7] as const;

/** Reminders go out at 09:00 in England, whatever the season. */
export const REMINDER_LOCAL_HOUR = 9;

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: ReadonlySet<string> = new Set(bankHolidays.dates);

/** The last day the bank-holiday table covers: 31 December of its last year. */
export const BANK_HOLIDAYS_KNOWN_UNTIL = `${bankHolidays.dates.reduce((last, day) => (day > last ? day : last)).slice(0, 4)}-12-31`;

/**
 * The first reminder day after the bank-holiday table ends, or null: past the table a step could land on a
 * bank holiday nobody has told the portal about (the table is refreshed from GOV.UK's file, see docs/reminders.md).
 */
export function firstDayBeyondBankHolidays(
  sendDays: readonly string[],
  knownUntil: string = BANK_HOLIDAYS_KNOWN_UNTIL,
): string | null {
  return [...sendDays].sort().find((day) => day > knownUntil) ?? null;
}

export interface ReminderStep {
  offsetDays: number;
  /** The working day the reminder goes out (YYYY-MM-DD, England). */
  sendOn: string;
  /** 09:00 Europe/London on that day, as an instant. */
  sendAt: Date;
  /** True when that moment is already behind `now`. */
  past: boolean;
}

const MS_PER_DAY = 86_400_000;

function toUtcMidnight(isoDate: string): number {
  const { year, month, day } = parseIsoDate(isoDate);
  return Date.UTC(year, month - 1, day);
}

function toIsoDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return toIsoDate(toUtcMidnight(isoDate) + days * MS_PER_DAY);
}

/** Neither a Saturday, a Sunday nor an England and Wales bank holiday. */
export function isWorkingDay(
  isoDate: string,
  holidays: ReadonlySet<string> = ENGLAND_AND_WALES_BANK_HOLIDAYS,
): boolean {
  const weekday = new Date(toUtcMidnight(isoDate)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDate);
}

export function nextWorkingDayOnOrAfter(
  isoDate: string,
  holidays: ReadonlySet<string> = ENGLAND_AND_WALES_BANK_HOLIDAYS,
): string {
  let day = isoDate;
  while (!isWorkingDay(day, holidays)) {
    day = addDays(day, 1);
  }
  return day;
}

/** The last Sunday of a month, as a UTC day number (ms). */
function lastSunday(year: number, monthIndex: number): number {
  const lastDay = Date.UTC(year, monthIndex + 1, 0);
  return lastDay - new Date(lastDay).getUTCDay() * MS_PER_DAY;
}

/**
 * 09:00 (or `hour`) on an English calendar day as an instant. British Summer Time runs from 01:00 UTC on
 * the last Sunday in March to 01:00 UTC on the last Sunday in October; a morning hour is never inside a
 * change, so the day decides the offset.
 */
export function londonTimeOnDay(isoDate: string, hour: number): Date {
  const dayMs = toUtcMidnight(isoDate);
  const year = new Date(dayMs).getUTCFullYear();
  const summer = dayMs >= lastSunday(year, 2) && dayMs < lastSunday(year, 9);
  return new Date(dayMs + (hour - (summer ? 1 : 0)) * 3_600_000);
}

function previousWorkingDayOnOrBefore(isoDate: string, holidays: ReadonlySet<string>): string {
  let day = isoDate;
  while (!isWorkingDay(day, holidays)) {
    day = addDays(day, -1);
  }
  return day;
}

/**
 * The day a step `offsetDays` before `deadline` goes out: that day, or the next working day when it is a
 * weekend or bank holiday. A step so close to the deadline that moving forward would pass the deadline
 * (e.g. 1 day before a Monday deadline) moves back to the last working day before it instead.
 */
export function reminderSendDay(
  deadline: string,
  offsetDays: number,
  holidays: ReadonlySet<string> = ENGLAND_AND_WALES_BANK_HOLIDAYS,
): string {
  const forward = nextWorkingDayOnOrAfter(addDays(deadline, -offsetDays), holidays);
  return forward <= deadline ? forward : previousWorkingDayOnOrBefore(addDays(deadline, -offsetDays), holidays);
}

/**
 * When each reminder step of a cycle goes out: `offsetDays` before the deadline, moved to the next
 * working day (weekends and England and Wales bank holidays), at 09:00 Europe/London. Steps are returned
 * in sending order; each says whether it is already past at `now`.
 */
export function reminderSchedule(
  deadline: string,
  offsetsDays: readonly number[],
  now: Date,
  holidays: ReadonlySet<string> = ENGLAND_AND_WALES_BANK_HOLIDAYS,
): ReminderStep[] {
  return [...new Set(offsetsDays)]
    .sort((a, b) => b - a)
    .map((offsetDays) => {
      const sendOn = reminderSendDay(deadline, offsetDays, holidays);
      const sendAt = londonTimeOnDay(sendOn, REMINDER_LOCAL_HOUR);
      return { offsetDays, sendOn, sendAt, past: sendAt.getTime() <= now.getTime() };
    });
}

/** The end of the deadline day in England: reminders for a cycle stop then. */
export function endOfDeadlineDay(deadline: string): Date {
  return londonTimeOnDay(addDays(deadline, 1), 0);
}

/**
 * The step that is due at `now`, if any: the latest step whose time has come, for as long as the next
 * step has not started and the deadline day has not ended. Planning runs daily and is idempotent, so a
 * step missed while the planner was down (or Redis was emptied) is caught up on the next run within its
 * window; an earlier step is never sent once a later one is due.
 */
export function dueReminderStep(deadline: string, schedule: readonly ReminderStep[], now: Date): ReminderStep | null {
  if (now.getTime() >= endOfDeadlineDay(deadline).getTime()) {
    return null;
  }
  const started = schedule.filter((step) => step.sendAt.getTime() <= now.getTime());
  return started.length > 0 ? started[started.length - 1] : null;
}

export const MAX_REMINDER_OFFSET_DAYS = 365;
export const MAX_REMINDER_STEPS = 10;

/**
 * Problems with a cadence an LSP admin wants (days before the deadline): whole numbers from 1 to 365, no
 * repeats, at most 10 steps. A step that is not in the current cadence may not be added once its time has
 * passed (it would go out at once, out of turn); steps already in the cadence may stay or go.
 */
export function reminderOffsetProblems(
  deadline: string,
  wanted: readonly number[],
  current: readonly number[],
  now: Date,
  holidays: ReadonlySet<string> = ENGLAND_AND_WALES_BANK_HOLIDAYS,
): string[] {
  const problems: string[] = [];
  if (wanted.length === 0 || wanted.length > MAX_REMINDER_STEPS) {
    problems.push(`offsetsDays must hold 1 to ${MAX_REMINDER_STEPS} steps`);
  }
  for (const offset of wanted) {
    if (!Number.isInteger(offset) || offset < 1 || offset > MAX_REMINDER_OFFSET_DAYS) {
      problems.push(
        `offsetsDays must be whole numbers of days from 1 to ${MAX_REMINDER_OFFSET_DAYS}; ${offset} is not`,
      );
    }
  }
  if (new Set(wanted).size !== wanted.length) {
    problems.push('offsetsDays must not repeat a step');
  }
  if (problems.length > 0) {
    return problems;
  }
  for (const step of reminderSchedule(deadline, wanted, now, holidays)) {
    if (step.past && !current.includes(step.offsetDays)) {
      problems.push(
        `A step ${step.offsetDays} days before the deadline would have gone out on ${step.sendOn}, which has passed`,
      );
    }
  }
  return problems;
}
