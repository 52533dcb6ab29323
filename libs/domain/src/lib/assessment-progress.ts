import { type QuestionLevel } from './question-level';

export const QUESTION_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** One evidence item of a cycle's question set, in DSPT order. */
export interface AssessmentQuestion {
  code: string;
  section: string;
  title: string;
  level: QuestionLevel;
  cePlusSkippable: boolean;
}

export interface ProgressInput {
  questions: readonly AssessmentQuestion[];
  /** Status by question code; a question with no entry has not been started. */
  statuses: ReadonlyMap<string, QuestionStatus>;
  hasCePlus: boolean;
}

export interface Progress {
  completed: number;
  /** Mandatory items: everything needed for Standards Met (AS and SM levels). */
  total: number;
}

/** An item counts as met when completed, or when it is skipped by holding Cyber Essentials Plus. */
export function isQuestionMet(
  question: AssessmentQuestion,
  input: Pick<ProgressInput, 'statuses' | 'hasCePlus'>,
): boolean {
  return (input.hasCePlus && question.cePlusSkippable) || input.statuses.get(question.code) === 'completed';
}

/** "13 of 43 mandatory items": only mandatory items count, CE+-skippable ones are met with CE+. */
export function assessmentProgress(input: ProgressInput): Progress {
  const mandatory = input.questions.filter((question) => question.level !== 'none');
  return { completed: mandatory.filter((question) => isQuestionMet(question, input)).length, total: mandatory.length };
}

/** Sorts question codes such as 1.1.5, 1.1.10, 10.2.1 the way the DSPT lists them. */
export function compareQuestionCodes(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}
