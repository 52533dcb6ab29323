import {
  type AssessmentQuestion,
  assessmentProgress,
  compareQuestionCodes,
  type QuestionStatus,
} from './assessment-progress';

const q = (code: string, level: AssessmentQuestion['level'], cePlusSkippable = false): AssessmentQuestion => ({
  code,
  section: 'Data Security',
  title: `Item ${code}`,
  level,
  cePlusSkippable,
});

const questions = [
  q('1.1.5', 'AS'),
  q('4.1.1', 'SM', true),
  q('6.2.1', 'SM'),
  q('7.1.1', 'none'),
  q('8.1.1', 'AS', true),
];
const statuses = (entries: Array<[string, QuestionStatus]>) => new Map(entries);

describe('assessmentProgress', () => {
  it('counts only mandatory items, and only completed ones', () => {
    const progress = assessmentProgress({
      questions,
      statuses: statuses([
        ['1.1.5', 'completed'],
        ['6.2.1', 'in_progress'],
        ['7.1.1', 'completed'],
      ]),
      hasCePlus: false,
    });
    expect(progress).toEqual({ completed: 1, total: 4 });
  });

  it('treats CE+-skippable items as met when the provider holds Cyber Essentials Plus', () => {
    expect(assessmentProgress({ questions, statuses: statuses([['1.1.5', 'completed']]), hasCePlus: true })).toEqual({
      completed: 3,
      total: 4,
    });
  });

  it('is 0 of N for a provider that has not started', () => {
    expect(assessmentProgress({ questions, statuses: new Map(), hasCePlus: false })).toEqual({
      completed: 0,
      total: 4,
    });
  });
});

describe('compareQuestionCodes', () => {
  it('orders by each number, not by text', () => {
    expect(['10.1.1', '1.1.10', '1.1.5', '2.1.1', '1.2.1'].sort(compareQuestionCodes)).toEqual([
      '1.1.5',
      '1.1.10',
      '1.2.1',
      '2.1.1',
      '10.1.1',
    ]);
  });
});
