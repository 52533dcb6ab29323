import {
  type AssessmentQuestion,
  compareQuestionCodes,
  isQuestionMet,
  type ProgressInput,
} from './assessment-progress';

export interface PublishBlocker {
  code: string;
  section: string;
  title: string;
  /** The DSPT's own words, e.g. "Please complete mandatory requirement 4.1.1 in the Staffing and Roles section". */
  sentence: string;
}

/**
 * The sentence for one open item. The section keeps its name as the question set writes it (the DSPT's
 * own "Staffing and Roles"), so it reads the same here as in the assessment's headings and emails.
 */
export function blockerSentence(question: Pick<AssessmentQuestion, 'code' | 'section'>): string {
  return `Please complete mandatory requirement ${question.code} in the ${question.section} section`;
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
    .map((question) => ({
      code: question.code,
      section: question.section,
      title: question.title,
      sentence: blockerSentence(question),
    }));
}

/** The blockers of one section, in DSPT order: each item's code and name. */
export interface BlockerSection {
  section: string;
  items: Array<Pick<PublishBlocker, 'code' | 'title'>>;
}

/** Blockers grouped by section, sections in the order their first item comes (DSPT order for publishBlockers' list). */
export function blockersBySection(
  blockers: ReadonlyArray<Pick<PublishBlocker, 'code' | 'section' | 'title'>>,
): BlockerSection[] {
  const sections = new Map<string, BlockerSection>();
  for (const { code, section, title } of blockers) {
    const group = sections.get(section) ?? { section, items: [] };
    group.items.push({ code, title });
    sections.set(section, group);
  }
  return [...sections.values()];
}
