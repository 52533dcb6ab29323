import { parseIsoDate } from './assessment-cycle';
import bankHolidays from './data/england-and-wales-bank-holidays.json';

/** Default reminder steps: about three months before the deadline, then a month and a week before. */
export const DEFAULT_REMINDER_OFFSETS_DAYS = [90, 30, 7] as const;

/** Reminders go out at 09:00 in England, whatever the season. */
export const REMINDER_LOCAL_HOUR = 9;

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: ReadonlySet<string> = new Set(bankHolidays.dates);

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

/** Saturday, Sunday or an England and Wales bank holiday. */
export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string> = ENGLAND_AND_WALES_BANK_HOLIDAYS): boolean {
  const weekday = new Date(toUtcMidnight(isoDate)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDate);
}

export function nextWorkingDayOnOrAfter(isoDate: string, holidays: ReadonlySet<string> = ENGLAND_AND_WALES_BANK_HOLIDAYS): string {
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
      const sendOn = nextWorkingDayOnOrAfter(addDays(deadline, -offsetDays), holidays);
      const sendAt = londonTimeOnDay(sendOn, REMINDER_LOCAL_HOUR);
      return { offsetDays, sendOn, sendAt, past: sendAt.getTime() <= now.getTime() };
    });
}
