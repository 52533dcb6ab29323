import type { AssessmentQuestion } from './assessment-progress';
import { cycleDeadlineProblem, questionSetChanges } from './cycle-admin';

describe('cycleDeadlineProblem', () => {
  const cycle = { code: '2026-27', startsOn: '2026-07-01' };
  it.each([
    ['2027-06-30', null],
    ['2027-09-30', null],
    ['2027-12-31', null],
    ['2026-07-02', null],
    ['2026-07-01', "deadline must be after the cycle's first day, 2026-07-01"],
    ['2026-01-15', "deadline must be after the cycle's first day, 2026-07-01"],
    ['2028-01-01', 'deadline of 2026-27 must be no later than 2027-12-31'],
    ['2027-02-30', 'deadline must be a real date in the form YYYY-MM-DD'],
    ['30/06/2027', 'deadline must be a real date in the form YYYY-MM-DD'],
  ])('deadline %s: %s', (deadline, problem) => {
    expect(cycleDeadlineProblem(cycle, deadline)).toBe(problem);
  });
});

describe('questionSetChanges', () => {
  const q = (code: string, overrides: Partial<AssessmentQuestion> = {}): AssessmentQuestion => ({
    code,
    section: 'Staffing and Roles',
    title: `Item ${code}`,
    level: 'AS',
    cePlusSkippable: false,
    ...overrides,
  });
  it.each([
    [
      'an empty cycle gets every question',
      [],
      [q('1.1.1'), q('1.1.2')],
      { added: ['1.1.1', '1.1.2'], removed: [], changed: [], unchanged: 0 },
    ],
    ['the same set changes nothing', [q('1.1.1')], [q('1.1.1')], { added: [], removed: [], changed: [], unchanged: 1 }],
    [
      'a new title, level, section or skip is a change',
      [q('1.1.1'), q('1.1.2'), q('1.1.3'), q('1.1.4')],
      [
        q('1.1.1', { title: 'New' }),
        q('1.1.2', { level: 'none' }),
        q('1.1.3', { section: 'Data' }),
        q('1.1.4', { cePlusSkippable: true }),
      ],
      { added: [], removed: [], changed: ['1.1.1', '1.1.2', '1.1.3', '1.1.4'], unchanged: 0 },
    ],
    [
      'codes left out are removed, new ones added',
      [q('1.1.1'), q('9.9.9')],
      [q('2.2.2'), q('1.1.1')],
      { added: ['2.2.2'], removed: ['9.9.9'], changed: [], unchanged: 1 },
    ],
  ])('%s', (_label, current, incoming, expected) => {
    expect(questionSetChanges(current, incoming)).toEqual(expected);
  });
});
