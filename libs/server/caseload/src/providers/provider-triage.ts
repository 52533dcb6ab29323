import {
  daysBetween,
  isAtRisk,
  type Priority,
  type Progress,
  type ProviderStatus,
  type PublicationLevel,
  triagePriority,
} from '@dspt/domain';
import { londonDate } from '@dspt/server/platform';
import type { CycleStanding } from './cycle-standing';

/** What a provider's triage for one cycle is computed from. */
export interface TriageInputs {
  hasCePlus: boolean;
  lastContactAt: Date | null;
  /** The provider's assessment for the cycle; null when it has none yet. */
  standing: CycleStanding | null;
  /** The latest publication before this cycle. */
  previousLevel: PublicationLevel | null;
  overdueTasks: number;
}

export interface TriageContext {
  /** YYYY-MM-DD, Europe/London. */
  today: string;
  deadline: string;
  /** The standing of providers with no assessment for the cycle, without and with CE+. */
  unstarted: { withoutCePlus: CycleStanding; withCePlus: CycleStanding };
}

/** Where a provider stands in a cycle and how urgently an adviser should look at it, as the caseload shows it. */
export interface ProviderTriage {
  status: ProviderStatus;
  progress: Progress;
  priority: Priority;
  atRisk: boolean;
  overdueTasks: number;
}

/**
 * Returns a function that triages providers for one cycle on one day: status, progress, the domain's
 * priority with its reasons and the "at risk" flag. Day arithmetic is done once per distinct day of last
 * contact, not once per provider (an LSP ranks about a thousand at a time).
 */
export function providerTriage(context: TriageContext): (inputs: TriageInputs) => ProviderTriage {
  const daysToDeadline = daysBetween(context.today, context.deadline);
  const daysSinceDay = new Map<string, number>();
  const daysSince = (instant: Date) => {
    const day = londonDate(instant);
    let days = daysSinceDay.get(day);
    if (days === undefined) {
      days = daysBetween(day, context.today);
      daysSinceDay.set(day, days);
    }
    return days;
  };
  return (inputs) => {
    const standing =
      inputs.standing ?? (inputs.hasCePlus ? context.unstarted.withCePlus : context.unstarted.withoutCePlus);
    const mandatoryLeft = Math.max(0, standing.progress.total - standing.progress.completed);
    const priority = triagePriority({
      status: standing.status,
      daysToDeadline,
      mandatoryLeft,
      daysSinceLastContact: inputs.lastContactAt ? daysSince(inputs.lastContactAt) : null,
      previousApproachingStandards: inputs.previousLevel === 'approaching_standards',
      overdueTasks: inputs.overdueTasks,
    });
    return {
      status: standing.status,
      progress: standing.progress,
      priority,
      atRisk: isAtRisk({ status: standing.status, priorityScore: priority.score, daysToDeadline, mandatoryLeft }),
      overdueTasks: inputs.overdueTasks,
    };
  };
}
