import type { AssessmentQuestion } from './assessment-progress';
import { blockerSentence, blockersBySection, publishBlockers } from './publish-blockers';

const questions: AssessmentQuestion[] = [
  {
    code: '9.1.1',
    section: 'IT Systems and Devices',
    title: 'Unsupported software',
    level: 'SM',
    cePlusSkippable: true,
  },
  {
    code: '1.1.5',
    section: 'Staffing and Roles',
    title: 'Senior responsible person',
    level: 'AS',
    cePlusSkippable: false,
  },
  { code: '4.1.1', section: 'Staffing and Roles', title: 'Access records', level: 'AS', cePlusSkippable: false },
  { code: '1.1.10', section: 'Staffing and Roles', title: 'Optional item', level: 'none', cePlusSkippable: false },
  {
    code: '3.2.1',
    section: 'Policies and Procedures',
    title: 'Data breach process',
    level: 'SM',
    cePlusSkippable: false,
  },
];

describe('publishBlockers', () => {
  it("lists every incomplete mandatory item in DSPT order, in the DSPT's words", () => {
    const blockers = publishBlockers({ questions, statuses: new Map([['1.1.5', 'completed']]), hasCePlus: false });
    expect(blockers.map((blocker) => blocker.sentence)).toEqual([
      'Please complete mandatory requirement 3.2.1 in the Policies and Procedures section',
      'Please complete mandatory requirement 4.1.1 in the Staffing and Roles section',
      'Please complete mandatory requirement 9.1.1 in the IT Systems and Devices section',
    ]);
  });

  it('drops items skipped by Cyber Essentials Plus, and ignores optional items', () => {
    const blockers = publishBlockers({ questions, statuses: new Map([['4.1.1', 'in_progress']]), hasCePlus: true });
    expect(blockers.map((blocker) => blocker.code)).toEqual(['1.1.5', '3.2.1', '4.1.1']);
  });

  it('counts only AS items for Approaching Standards', () => {
    const blockers = publishBlockers(
      { questions, statuses: new Map([['1.1.5', 'completed']]), hasCePlus: false },
      'approaching_standards',
    );
    expect(blockers.map((blocker) => blocker.code)).toEqual(['4.1.1']);
  });

  it('is empty when everything mandatory is complete', () => {
    const all = new Map(questions.map((question) => [question.code, 'completed' as const]));
    expect(publishBlockers({ questions, statuses: all, hasCePlus: false })).toEqual([]);
  });
});

describe('blockerSentence', () => {
  it.each([
    ['Staffing and Roles', 'Please complete mandatory requirement 1.1.1 in the Staffing and Roles section'],
    ['IT Systems and Devices', 'Please complete mandatory requirement 1.1.1 in the IT Systems and Devices section'],
    ['Data Security', 'Please complete mandatory requirement 1.1.1 in the Data Security section'],
  ])('names the section %j as the question set writes it', (section, sentence) => {
    expect(blockerSentence({ code: '1.1.1', section })).toBe(sentence);
  });
});

describe('blockersBySection', () => {
  it.each([
    ['nothing open', new Map<string, 'completed'>(questions.map((question) => [question.code, 'completed'])), []],
    [
      'items in three sections, one section once with both its items',
      new Map<string, 'completed'>(),
      [
        {
          section: 'Staffing and Roles',
          items: [
            { code: '1.1.5', title: 'Senior responsible person' },
            { code: '4.1.1', title: 'Access records' },
          ],
        },
        { section: 'Policies and Procedures', items: [{ code: '3.2.1', title: 'Data breach process' }] },
        { section: 'IT Systems and Devices', items: [{ code: '9.1.1', title: 'Unsupported software' }] },
      ],
    ],
  ])('groups %s', (_case, statuses, expected) => {
    expect(blockersBySection(publishBlockers({ questions, statuses, hasCePlus: false }))).toEqual(expected);
  });
});
