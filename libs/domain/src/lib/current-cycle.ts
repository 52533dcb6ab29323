import { cycleForDate } from './assessment-cycle';
import { NotFound } from './refusals';

export interface CycleChoice {
  code: string;
  /** A system admin chose this cycle as the current one. */
  isCurrent: boolean;
}

/**
 * The current assessment cycle: the one a system admin chose, when there is one (a new cycle's question
 * set may be late, or an old cycle kept open); otherwise the cycle today falls in (1 July to 30 June).
 */
export function currentCycleCode(cycles: readonly CycleChoice[], today: string): string {
  return cycles.find((cycle) => cycle.isCurrent)?.code ?? cycleForDate(today).code;
}

/**
 * The refusal when the cycle asked for (`asked`), or the current one (`wanted`, when none was asked for),
 * has not been loaded: a system admin loads each cycle's question set.
 */
export function cycleNotLoaded(asked: string | undefined, wanted: string): NotFound {
  return new NotFound(
    asked
      ? `No assessment cycle ${asked}: a system admin loads each cycle's question set`
      : `The current cycle ${wanted} has not been loaded yet`,
  );
}
