import { validateSync } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator';

class Probe {
  @IsCalendarDate()
  dueOn: unknown;
}

function errorsFor(value: unknown): string[] {
  const probe = Object.assign(new Probe(), { dueOn: value });
  return validateSync(probe).flatMap((error) => Object.values(error.constraints ?? {}));
}

describe('IsCalendarDate', () => {
  it.each(['2026-03-01', '2024-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(errorsFor(value)).toEqual([]);
  });

  it.each([
    ['2026-02-29'],
    ['2026-13-01'],
    ['2026-3-1'],
    ['01/03/2026'],
    ['2026-03-01T00:00:00Z'],
    [''],
    [20260301],
    [null],
    [undefined],
  ])('refuses %p, naming the property', (value) => {
    expect(errorsFor(value)).toEqual(['dueOn must be a real date in the form YYYY-MM-DD']);
  });
});
