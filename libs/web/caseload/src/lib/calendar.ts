import { type SchemaPath, validate } from '@angular/forms/signals';

const pad = (value: number) => String(value).padStart(2, '0');

/** A day as the API and `<input type="date">` write it (2026-03-15), in the browser's time zone. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** A time as `<input type="datetime-local">` writes it (2026-03-15T09:30), in the browser's time zone. */
export function localDateTime(date: Date): string {
  return `${isoDay(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Rule for a date, or date and time, field: not later than now (a day: today at the latest). */
export function notInFuture(path: SchemaPath<string>, message: string): void {
  validate(path, ({ value }) =>
    value() && value() > localDateTime(new Date()).slice(0, value().length) ? { kind: 'future', message } : undefined,
  );
}

/** Rule for a date field: today or later. */
export function notInPast(path: SchemaPath<string>, message: string): void {
  validate(path, ({ value }) => (value() && value() < isoDay(new Date()) ? { kind: 'past', message } : undefined));
}
