/**
 * Dates and times as the portal writes them, on every screen: "9 August 2026", "9 August 2026 at 2:05pm"
 * (NHS.UK style: no leading zero on the day, the month in full, times on a 12-hour clock, "midday" and
 * "midnight"), in English and in UK time (Europe/London), whatever the browser's language or time zone.
 *
 * A calendar day from the API ("2026-08-09") is that day everywhere; an instant ("2026-08-09T23:30:00Z")
 * is shown as the day and time it was in the UK (here 10 August 2026 at 12:30am, in summer time).
 */
export const PORTAL_TIME_ZONE = 'Europe/London';

export type PortalDateStyle = 'date' | 'weekday' | 'dateTime' | 'time';

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: PORTAL_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A day and time on the UK's clock. */
export interface LondonTime {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** What the UK's clock showed at an instant. */
export function londonTime(instant: Date): LondonTime {
  const parts = Object.fromEntries(PARTS.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts['year']),
    month: Number(parts['month']),
    day: Number(parts['day']),
    hour: Number(parts['hour']) % 24,
    minute: Number(parts['minute']),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Today in the UK as the API writes a day (2026-08-09). */
export function londonToday(now: Date = new Date()): string {
  const { year, month, day } = londonTime(now);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2:05pm", "11am", "midday", "midnight". */
function clockTime(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) {
    return 'midday';
  }
  if (minute === 0 && hour === 0) {
    return 'midnight';
  }
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}${minute === 0 ? '' : `:${pad(minute)}`}${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * A day or an instant in the portal's one style; '' for nothing or for text that is no date (the API
 * never sends one, but a screen must not show "Invalid Date").
 */
export function formatPortalDate(value: string | Date | null | undefined, style: PortalDateStyle = 'date'): string {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const day = typeof value === 'string' ? CALENDAR_DAY.exec(value) : null;
  let time: LondonTime;
  if (day) {
    time = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]), hour: 0, minute: 0 };
  } else {
    const instant = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(instant.getTime())) {
      return '';
    }
    time = londonTime(instant);
  }
  const date = `${time.day} ${MONTHS[time.month - 1]} ${time.year}`;
  switch (style) {
    case 'date':
      return date;
    case 'weekday':
      return `${WEEKDAYS[new Date(Date.UTC(time.year, time.month - 1, time.day)).getUTCDay()]} ${date}`;
    case 'dateTime':
      return `${date} at ${clockTime(time.hour, time.minute)}`;
    case 'time':
      return clockTime(time.hour, time.minute);
  }
}

/** The instant a UK clock shows `time` ("14:30") on `day` ("2026-08-09"), in summer or winter time. */
export function ukInstant(day: string, time: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const asIfUtc = Date.UTC(year, month - 1, date, hour, minute);
  // The UK is UTC or one hour ahead: find the offset at that moment, then check it once more across a change.
  let instant = asIfUtc;
  for (let i = 0; i < 2; i++) {
    const shown = londonTime(new Date(instant));
    const shownAsUtc = Date.UTC(shown.year, shown.month - 1, shown.day, shown.hour, shown.minute);
    instant -= shownAsUtc - asIfUtc;
  }
  return new Date(instant);
}

/** A time of day as typed ("14:30", "2:30pm", "2.30 pm", "9am", "midday", "midnight") as "14:30"; null if it is none. */
export function clockTimeFrom(text: string): string | null {
  const typed = text.trim().toLowerCase().replace(/\s+/g, '');
  if (typed === 'midday' || typed === 'noon') {
    return '12:00';
  }
  if (typed === 'midnight') {
    return '00:00';
  }
  const match = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm)?$/.exec(typed);
  if (!match) {
    return null;
  }
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const half = match[3];
  if (minute > 59 || (half ? hour < 1 || hour > 12 : hour > 23) || (!half && match[2] === undefined)) {
    return null;
  }
  if (half) {
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  return `${pad(hour)}:${pad(minute)}`;
}

/** The UK's time now as a person would type it ("2:05pm"). */
export function londonClockTime(now: Date = new Date()): string {
  const { hour, minute } = londonTime(now);
  const twelve = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelve}:${pad(minute)}${hour < 12 ? 'am' : 'pm'}`;
}
