import { type SchemaPath, validate } from '@angular/forms/signals';

export type DatePart = 'day' | 'month' | 'year';

/** What a person typed in the three boxes of a date input. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateEntryProblem {
  message: string;
  /** The boxes to mark as wrong (aria-invalid, red border). */
  parts: readonly DatePart[];
}

const NUMBER = /^\d+$/;

/**
 * The three boxes as one field value: '' when all are blank, a day as the API writes it (2026-08-09)
 * when they make a real date, and otherwise the boxes joined as typed, which `dateEntryProblem` explains.
 */
export function dateValueFrom({ day, month, year }: DateParts): string {
  const [d, m, y] = [day.trim(), month.trim(), year.trim()];
  if (!d && !m && !y) {
    return '';
  }
  const pad = (text: string) => (NUMBER.test(text) && text.length === 1 ? `0${text}` : text);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The boxes from a field value (a day such as 2026-08-09, or one joined by `dateValueFrom`). */
export function datePartsFrom(value: string): DateParts {
  const match = /^(.*)-(.*)-(.*)$/.exec(value);
  if (!match) {
    return { day: '', month: '', year: '' };
  }
  const unpad = (text: string) => (/^0\d$/.test(text) ? text.slice(1) : text);
  return { year: match[1], month: unpad(match[2]), day: unpad(match[3]) };
}

/**
 * What is wrong with a date as typed, in the NHS.UK design system's words ("Date published must include
 * a month", "... must be a real date"), naming the boxes to fix; null when it is a real date or blank
 * (whether it may be blank is the `required` rule's business).
 */
export function dateEntryProblem(value: string, label: string): DateEntryProblem | null {
  if (value === '') {
    return null;
  }
  const { day, month, year } = datePartsFrom(value);
  const missing = (['day', 'month', 'year'] as const).filter((part) => !{ day, month, year }[part]);
  if (missing.length > 0) {
    return { message: `${label} must include a ${missing.join(' and a ')}`, parts: missing };
  }
  const notNumbers = (['day', 'month', 'year'] as const).filter((part) => !NUMBER.test({ day, month, year }[part]));
  if (notNumbers.length > 0) {
    return { message: `${label} must be a real date, in numbers`, parts: notNumbers };
  }
  if (year.length !== 4) {
    return { message: 'Year must include 4 numbers', parts: ['year'] };
  }
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (m < 1 || m > 12) {
    return { message: `${label} must be a real date`, parts: ['month'] };
  }
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d < 1 || d > daysInMonth) {
    return { message: `${label} must be a real date`, parts: ['day'] };
  }
  return null;
}

/** Schema rule for a field entered with `dspt-date-field`: a real date (or blank). */
export function realDate(path: SchemaPath<string>, label: string): void {
  validate(path, ({ value }) => {
    const problem = dateEntryProblem(value(), label);
    return problem ? { kind: 'date', message: problem.message } : undefined;
  });
}

/** True for a day as the API writes it (2026-08-09) that is a real date: other rules compare only those. */
export function isRealDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && dateEntryProblem(value, 'Date') === null;
}
