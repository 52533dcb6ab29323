import type { AssessmentQuestion } from './assessment-progress';
import { isQuestionLevel } from './question-level';
import { parseYesNo, repeatTracker, type RowProblem, type SheetRowValues } from './sheet-rows';

/** The question-set import's columns (CSV or XLSX), lower-case; `ce_plus_skippable` is optional. */
export const QUESTION_SET_COLUMNS = ['code', 'section', 'title', 'level', 'ce_plus_skippable'] as const;

/** Evidence item codes look like 1.1.5: numbers joined by dots. */
export function isDsptCode(code: string): boolean {
  return /^\d+(\.\d+)+$/.test(code);
}

export type QuestionSetParse = { questions: AssessmentQuestion[] } | { problems: RowProblem[] };

/**
 * Checks every row of an imported question set and answers either the questions, in file order (the
 * DSPT's order), or every problem found, each naming its row and column: the import is all-or-nothing.
 */
export function parseQuestionSetRows(rows: readonly SheetRowValues[]): QuestionSetParse {
  const problems: RowProblem[] = [];
  const repeated = repeatTracker();
  const questions = rows.map(({ row, values }) => {
    const problem = (field: string, message: string) => problems.push({ row, field, message });
    const code = values['code'] ?? '';
    const level = (values['level'] ?? '').trim();
    const levelKey = level.toLowerCase() === 'none' ? 'none' : level.toUpperCase();
    const skippable = parseYesNo(values['ce_plus_skippable']);
    const repeat = isDsptCode(code) ? repeated(code, row) : `"${code}" is not a DSPT code such as 1.1.5`;
    if (repeat) {
      problem('code', repeat);
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
    if (skippable === null) {
      problem('ce_plus_skippable', `"${values['ce_plus_skippable']}" is not yes or no`);
    }
    return {
      code,
      section: values['section'] ?? '',
      title: values['title'] ?? '',
      level: isQuestionLevel(levelKey) ? levelKey : 'none',
      cePlusSkippable: skippable === true,
    };
  });
  return problems.length > 0 ? { problems } : { questions };
}
