import { cycleForDate } from './assessment-cycle';

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
