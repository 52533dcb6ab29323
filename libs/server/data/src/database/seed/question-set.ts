import { isQuestionLevel, type QuestionLevel } from '@dspt/domain';
import referenceFacts from './dspt-social-care-questions.json';

export interface QuestionSetItem {
  code: string;
  section: string;
  title: string;
  level: QuestionLevel;
  cePlusSkippable: boolean;
}

/**
 * The reference question set the demo cycles start from: the repo's own copy of the verified DSPT facts
 * (a partial list; a system admin imports a cycle's full set). Order is the DSPT's own.
 */
export function referenceQuestionSet(): QuestionSetItem[] {
  return referenceFacts.questions.map((question) => {
    if (!isQuestionLevel(question.level)) {
      throw new Error(`Reference question ${question.code} has an unknown level "${question.level}"`);
    }
    return {
      code: question.code,
      section: question.section,
      title: question.title,
      level: question.level,
      cePlusSkippable: false,
    };
  });
}
