import { type AssessmentQuestion, compareQuestionCodes, isQuestionMet, type ProgressInput } from './assessment-progress';

export interface PublishBlocker {
  code: string;
  section: string;
  title: string;
  /** The DSPT's own words, e.g. "Please complete mandatory requirement 4.1.1 in the Staffing and roles section". */
  sentence: string;
}

/** "Staffing and Roles" → "Staffing and roles"; words in capitals (IT) keep them. */
export function sentenceCaseSection(section: string): string {
  return section
    .split(' ')
    .map((word, index) => (index === 0 || /^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase()))
    .join(' ');
}

export function blockerSentence(question: Pick<AssessmentQuestion, 'code' | 'section'>): string {
  return `Please complete mandatory requirement ${question.code} in the ${sentenceCaseSection(question.section)} section`;
}

/**
 * What stops publishing at `level`: every mandatory item not yet met, in DSPT order. For Approaching
 * Standards only the AS items count; for Standards Met and above, every mandatory item.
 */
export function publishBlockers(
  input: ProgressInput,
  level: 'approaching_standards' | 'standards_met' = 'standards_met',
): PublishBlocker[] {
  return input.questions
    .filter((question) => (level === 'approaching_standards' ? question.level === 'AS' : question.level !== 'none'))
    .filter((question) => !isQuestionMet(question, input))
    .sort((a, b) => compareQuestionCodes(a.code, b.code))
    .map((question) => ({ code: question.code, section: question.section, title: question.title, sentence: blockerSentence(question) }));
}
