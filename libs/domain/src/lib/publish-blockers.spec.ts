import type { AssessmentQuestion } from './assessment-progress';
import { publishBlockers, sentenceCaseSection } from './publish-blockers';

const questions: AssessmentQuestion[] = [
  { code: '9.1.1', section: 'IT Systems and Devices', title: 'Unsupported software', level: 'SM', cePlusSkippable: true },
  { code: '1.1.5', section: 'Staffing and Roles', title: 'Senior responsible person', level: 'AS', cePlusSkippable: false },
  { code: '4.1.1', section: 'Staffing and Roles', title: 'Access records', level: 'AS', cePlusSkippable: false },
  { code: '1.1.10', section: 'Staffing and Roles', title: 'Optional item', level: 'none', cePlusSkippable: false },
  { code: '3.2.1', section: 'Policies and Procedures', title: 'Data breach process', level: 'SM', cePlusSkippable: false },
];

describe('publishBlockers', () => {
  it("lists every incomplete mandatory item in DSPT order, in the DSPT's words", () => {
    const blockers = publishBlockers({ questions, statuses: new Map([['1.1.5', 'completed']]), hasCePlus: false });
    expect(blockers.map((blocker) => blocker.sentence)).toEqual([
      'Please complete mandatory requirement 3.2.1 in the Policies and procedures section',
      'Please complete mandatory requirement 4.1.1 in the Staffing and roles section',
      'Please complete mandatory requirement 9.1.1 in the IT systems and devices section',
    ]);
  });

  it('drops items skipped by Cyber Essentials Plus, and ignores optional items', () => {
    const blockers = publishBlockers({ questions, statuses: new Map([['4.1.1', 'in_progress']]), hasCePlus: true });
    expect(blockers.map((blocker) => blocker.code)).toEqual(['1.1.5', '3.2.1', '4.1.1']);
  });

  it('counts only AS items for Approaching Standards', () => {
    const blockers = publishBlockers({ questions, statuses: new Map([['1.1.5', 'completed']]), hasCePlus: false }, 'approaching_standards');
    expect(blockers.map((blocker) => blocker.code)).toEqual(['4.1.1']);
  });

  it('is empty when everything mandatory is complete', () => {
    const all = new Map(questions.map((question) => [question.code, 'completed' as const]));
    expect(publishBlockers({ questions, statuses: all, hasCePlus: false })).toEqual([]);
  });
});

describe('sentenceCaseSection', () => {
  it('lower-cases all but the first word, keeping acronyms', () => {
    expect(sentenceCaseSection('Staffing and Roles')).toBe('Staffing and roles');
    expect(sentenceCaseSection('IT Systems and Devices')).toBe('IT systems and devices');
    expect(sentenceCaseSection('Data Security')).toBe('Data security');
  });
});
