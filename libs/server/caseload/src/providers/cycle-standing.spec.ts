import type { AssessmentQuestion } from '@dspt/domain';
import { standingWithoutAssessment } from './cycle-standing';

const question = (code: string, level: AssessmentQuestion['level'], cePlusSkippable = false): AssessmentQuestion => ({
  code,
  section: 'Data Security',
  title: `Item ${code}`,
  level,
  cePlusSkippable,
});

describe('standingWithoutAssessment', () => {
  const questions = [
    question('1.1.1', 'AS'),
    question('1.1.2', 'SM', true),
    question('1.1.3', 'none', true),
    question('1.1.4', 'AS', true),
  ];

  it('counts every mandatory item as left without CE+', () => {
    expect(standingWithoutAssessment(questions, false)).toEqual({
      status: 'not_started',
      progress: { completed: 0, total: 3 },
    });
  });

  it('counts mandatory CE+-skippable items as met with CE+ (optional ones do not count)', () => {
    expect(standingWithoutAssessment(questions, true)).toEqual({
      status: 'in_progress',
      progress: { completed: 2, total: 3 },
    });
  });

  it('has nothing to count when the cycle has no questions yet', () => {
    expect(standingWithoutAssessment([], true)).toEqual({
      status: 'not_started',
      progress: { completed: 0, total: 0 },
    });
  });
});
