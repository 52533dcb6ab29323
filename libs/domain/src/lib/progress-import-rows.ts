import { QUESTION_STATUSES, type QuestionStatus } from './assessment-progress';
import { repeatTracker, type RowProblem, type SheetRowValues } from './sheet-rows';

/** The columns of one provider's question-status import; `comment` may be left out. */
export const PROGRESS_IMPORT_COLUMNS = ['code', 'status', 'comment'] as const;

export interface ProgressImportRow {
  row: number;
  code: string;
  status: QuestionStatus;
  /** Undefined (no comment column, or a blank cell) keeps the saved comment. */
  comment?: string;
}

export type ProgressImportParse = { updates: ProgressImportRow[] } | { problems: RowProblem[] };

/** The longest comment on a question's progress, however it is saved. */
export const PROGRESS_COMMENT_MAX_LENGTH = 2_000;

/** A status as people type it: any case, with spaces, hyphens or underscores ("In progress" is in_progress). */
function statusFrom(cell: string): QuestionStatus | null {
  const key = cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (QUESTION_STATUSES as readonly string[]).includes(key) ? (key as QuestionStatus) : null;
}

/**
 * Checks a question-status import for one provider and cycle: every code must be a question of the cycle
 * (listed once), every status one of not_started, in_progress, completed. Answers the updates in file
 * order, or every problem with its row and column: the import is all-or-nothing.
 */
export function parseProgressImportRows(
  rows: readonly SheetRowValues[],
  cycle: { code: string; questionCodes: ReadonlySet<string> },
): ProgressImportParse {
  const problems: RowProblem[] = [];
  const repeated = repeatTracker();
  const updates = rows.flatMap(({ row, values }): ProgressImportRow[] => {
    const code = values['code'] ?? '';
    const status = statusFrom(values['status'] ?? '');
    const comment = values['comment'] || undefined;
    const codeProblem = cycle.questionCodes.has(code)
      ? repeated(code, row)
      : code === ''
        ? 'code is empty'
        : `There is no question ${code} in cycle ${cycle.code}`;
    if (codeProblem) {
      problems.push({ row, field: 'code', message: codeProblem });
    }
    if (!status) {
      problems.push({
        row,
        field: 'status',
        message: `"${values['status'] ?? ''}" is not a status: use ${QUESTION_STATUSES.join(', ')}`,
      });
    }
    if (comment && comment.length > PROGRESS_COMMENT_MAX_LENGTH) {
      problems.push({
        row,
        field: 'comment',
        message: `comment must be at most ${PROGRESS_COMMENT_MAX_LENGTH} characters`,
      });
    }
    return status ? [{ row, code, status, ...(comment ? { comment } : {}) }] : [];
  });
  return problems.length > 0 ? { problems } : { updates };
}
