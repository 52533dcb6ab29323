/**
 * How far a DSPT evidence item is required: `AS` items are needed for Approaching Standards (and so for
 * everything above), `SM` items for Standards Met and above, `none` items are optional.
 */
export const QUESTION_LEVELS = ['AS', 'SM', 'none'] as const;
export type QuestionLevel = (typeof QUESTION_LEVELS)[number];

export function isQuestionLevel(value: unknown): value is QuestionLevel {
  return typeof value === 'string' && (QUESTION_LEVELS as readonly string[]).includes(value);
}

/** Mandatory means needed to publish at Standards Met: both AS and SM items. */
export function isMandatoryForStandardsMet(level: QuestionLevel): boolean {
  return level !== 'none';
}

export const DSPT_SECTIONS = [
  'Staffing and Roles',
  'Policies and Procedures',
  'Data Security',
  'IT Systems and Devices',
] as const;
export type DsptSection = (typeof DSPT_SECTIONS)[number];
