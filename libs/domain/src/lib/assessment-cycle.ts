/**
 * DSPT assessment years ("cycles"). Each cycle runs from 1 July to its deadline, 30 June of the
 * following year, and is named after both years: the cycle with deadline 2026-06-30 is "2025-26".
 * Dates are ISO calendar dates (YYYY-MM-DD): deadlines are days, not instants.
 */
export interface AssessmentCycleDates {
  code: string;
  startsOn: string;
  deadline: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CYCLE_CODE = /^(\d{4})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(value);
  if (!match) {
    throw new RangeError(`"${value}" is not a date in the form YYYY-MM-DD`);
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const asUtc = new Date(Date.UTC(year, month - 1, day));
  if (asUtc.getUTCFullYear() !== year || asUtc.getUTCMonth() !== month - 1 || asUtc.getUTCDate() !== day) {
    throw new RangeError(`"${value}" is not a real calendar date`);
  }
  return { year, month, day };
}

/** The cycle whose deadline ends in `deadlineYear`, e.g. 2026 gives "2025-26". */
export function cycleEndingIn(deadlineYear: number): AssessmentCycleDates {
  const startYear = deadlineYear - 1;
  return {
    code: `${startYear}-${String(deadlineYear % 100).padStart(2, '0')}`,
    startsOn: `${startYear}-07-01`,
    deadline: `${deadlineYear}-06-30`,
  };
}

/** The cycle a calendar day belongs to: 30 June is the last day of a cycle, 1 July the first of the next. */
export function cycleForDate(isoDate: string): AssessmentCycleDates {
  const { year, month } = parseIsoDate(isoDate);
  return cycleEndingIn(month >= 7 ? year + 1 : year);
}

/** Parses a cycle code such as "2025-26"; refuses codes whose two years are not consecutive. */
export function cycleFromCode(code: string): AssessmentCycleDates {
  const match = CYCLE_CODE.exec(code);
  if (!match) {
    throw new RangeError(`"${code}" is not a cycle code in the form YYYY-YY, e.g. 2025-26`);
  }
  const startYear = Number(match[1]);
  if ((startYear + 1) % 100 !== Number(match[2])) {
    throw new RangeError(`"${code}" does not name two consecutive years`);
  }
  return cycleEndingIn(startYear + 1);
}

/** Whole days from `today` to `deadline` (negative once the deadline has passed; 0 on the day). */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  const from = parseIsoDate(fromIsoDate);
  const to = parseIsoDate(toIsoDate);
  const fromUtc = Date.UTC(from.year, from.month - 1, from.day);
  const toUtc = Date.UTC(to.year, to.month - 1, to.day);
  return Math.round((toUtc - fromUtc) / MS_PER_DAY);
}
