import { Injectable } from '@nestjs/common';

/**
 * The time, injectable so tests can set "today" (deadline arithmetic, reminders). The portal's days are
 * England's days: `today()` is the calendar date in Europe/London.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }

  /** YYYY-MM-DD in Europe/London. */
  today(): string {
    return londonDate(this.now());
  }
}

// Made once: building a DateTimeFormat costs about 0.1 ms, formatting with it a microsecond (lists call this per row).
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
// London is always a whole number of hours from UTC, so its date is the same for every instant of one UTC
// hour: the date of the last hour asked is kept (every request asks for today's).
let lastHour = NaN;
let lastDate = '';

export function londonDate(instant: Date): string {
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  if (hour !== lastHour) {
    lastDate = LONDON_DAY.format(instant);
    lastHour = hour;
  }
  return lastDate;
}

/** A clock stopped at one instant, for tests. */
export class FixedClock extends Clock {
  constructor(private instant: Date) {
    super();
  }

  override now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date): void {
    this.instant = instant;
  }
}
