import type { AssessmentQuestion } from './assessment-progress';
import { isQuestionLevel } from './question-level';

/** The question-set import's columns (CSV or XLSX), lower-case; `ce_plus_skippable` is optional. */
export const QUESTION_SET_COLUMNS = ['code', 'section', 'title', 'level', 'ce_plus_skippable'] as const;

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

export type QuestionSetParse = { questions: AssessmentQuestion[] } | { problems: RowProblem[] };

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);

/**
 * Checks every row of an imported question set and answers either the questions, in file order (the
 * DSPT's order), or every problem found, each naming its row and column: the import is all-or-nothing.
 */
export function parseQuestionSetRows(rows: ReadonlyArray<{ row: number; values: Record<string, string> }>): QuestionSetParse {
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  const questions = rows.map(({ row, values }) => {
    const problem = (field: string, message: string) => problems.push({ row, field, message });
    const code = values['code'] ?? '';
    const level = (values['level'] ?? '').trim();
    const levelKey = level.toLowerCase() === 'none' ? 'none' : level.toUpperCase();
    const skippable = (values['ce_plus_skippable'] ?? '').trim().toLowerCase();
    if (!/^\d+(\.\d+)+$/.test(code)) {
      problem('code', `"${code}" is not a DSPT code such as 1.1.5`);
    } else if (seen.has(code)) {
      problem('code', `${code} is already on row ${seen.get(code)}`);
    } else {
      seen.set(code, row);
    }
    for (const field of ['section', 'title'] as const) {
      const value = values[field] ?? '';
      if (value === '') {
        problem(field, `${field} is empty`);
      } else if (value.length > 300) {
        problem(field, `${field} is longer than 300 characters`);
      }
    }
    if (!isQuestionLevel(levelKey)) {
      problem('level', `"${level}" is not a level: use AS, SM or none`);
    }
    if (!YES.has(skippable) && !NO.has(skippable)) {
      problem('ce_plus_skippable', `"${values['ce_plus_skippable']}" is not yes or no`);
    }
    return {
      code,
      section: values['section'] ?? '',
      title: values['title'] ?? '',
      level: isQuestionLevel(levelKey) ? levelKey : 'none',
      cePlusSkippable: YES.has(skippable),
    };
  });
  return problems.length > 0 ? { problems } : { questions };
}
