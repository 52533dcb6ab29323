import type { AssessmentQuestion } from './assessment-progress';
import { parseIsoDate } from './assessment-cycle';

/**
 * Why `deadline` cannot be the deadline of the cycle that starts on `startsOn`, or null when it can.
 * A deadline may move (the DSPT has extended one into the autumn before), but it stays after the cycle's
 * first day and no later than the end of the calendar year the cycle ends in, so a cycle never runs into
 * the one after next.
 */
export function cycleDeadlineProblem(cycle: { code: string; startsOn: string }, deadline: string): string | null {
  try {
    parseIsoDate(deadline);
  } catch {
    return 'deadline must be a real date in the form YYYY-MM-DD';
  }
  if (deadline <= cycle.startsOn) {
    return `deadline must be after the cycle's first day, ${cycle.startsOn}`;
  }
  const latest = `${parseIsoDate(cycle.startsOn).year + 1}-12-31`;
  if (deadline > latest) {
    return `deadline of ${cycle.code} must be no later than ${latest}`;
  }
  return null;
}

/** What importing a question set would change, by question code, in the file's order. */
export interface QuestionSetChanges {
  added: string[];
  removed: string[];
  /** In both, with a different section, title, level or CE+ skip. */
  changed: string[];
  unchanged: number;
}

export function questionSetChanges(
  current: readonly AssessmentQuestion[],
  incoming: readonly AssessmentQuestion[],
): QuestionSetChanges {
  const before = new Map(current.map((question) => [question.code, question]));
  const after = new Set(incoming.map((question) => question.code));
  const changes: QuestionSetChanges = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const question of incoming) {
    const old = before.get(question.code);
    if (!old) {
      changes.added.push(question.code);
    } else if (
      old.section !== question.section ||
      old.title !== question.title ||
      old.level !== question.level ||
      old.cePlusSkippable !== question.cePlusSkippable
    ) {
      changes.changed.push(question.code);
    } else {
      changes.unchanged++;
    }
  }
  changes.removed = current.filter((question) => !after.has(question.code)).map((question) => question.code);
  return changes;
}
