import { isMetOrAbove, type ProviderStatus } from './provider-status';

export interface PriorityInput {
  status: ProviderStatus;
  /** Days from today to the cycle's deadline; negative once it has passed. */
  daysToDeadline: number;
  mandatoryLeft: number;
  /** Null when the provider has never been contacted. */
  daysSinceLastContact: number | null;
  /** The provider's latest publication before this cycle was Approaching Standards. */
  previousApproachingStandards: boolean;
  overdueTasks: number;
}

/** One reason and the points it adds to the score. */
export interface PriorityPart {
  reason: string;
  points: number;
}

export interface Priority {
  /** Higher is more urgent; 0 for providers already published at Standards Met or above. */
  score: number;
  /** Why, most important first: "12 items left", "34 days to deadline", "no contact for 60 days". */
  reasons: string[];
  /** The same reasons with their points, which add up to `score`. */
  parts: PriorityPart[];
}

/** Deadline pressure grows over the last 120 days: items left count up to three times as much. */
const PRESSURE_WINDOW_DAYS = 120;
const STALE_CONTACT_DAYS = 30;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * How urgently an adviser should look at a provider. Items left are the base, weighted by how close the
 * deadline is; a stale or missing contact, an earlier Approaching Standards publication (which cannot be
 * repeated) and overdue tasks add to it. The reasons say why in the adviser's words.
 */
export function triagePriority(input: PriorityInput): Priority {
  if (isMetOrAbove(input.status)) {
    return priorityOf([
      {
        reason: input.status === 'standards_exceeded' ? 'Standards Exceeded published' : 'Standards Met published',
        points: 0,
      },
    ]);
  }
  const parts: PriorityPart[] = [];
  const pressure = Math.min(1, Math.max(0, (PRESSURE_WINDOW_DAYS - input.daysToDeadline) / PRESSURE_WINDOW_DAYS));
  if (input.mandatoryLeft > 0) {
    parts.push({ reason: `${plural(input.mandatoryLeft, 'item')} left`, points: input.mandatoryLeft });
  } else if (input.status === 'ready_to_publish') {
    parts.push({ reason: 'ready to publish', points: 0 });
  }
  // The deadline's points are the items left weighted by its pressure (up to twice their own points).
  const deadlinePoints = Math.round(input.mandatoryLeft * 2 * pressure);
  if (input.daysToDeadline < 0) {
    parts.push({ reason: `deadline passed ${plural(-input.daysToDeadline, 'day')} ago`, points: deadlinePoints });
  } else if (input.daysToDeadline === 0) {
    parts.push({ reason: 'deadline today', points: deadlinePoints });
  } else {
    parts.push({ reason: `${plural(input.daysToDeadline, 'day')} to deadline`, points: deadlinePoints });
  }
  if (input.daysSinceLastContact === null) {
    parts.push({ reason: 'never contacted', points: 10 });
  } else if (input.daysSinceLastContact > STALE_CONTACT_DAYS) {
    parts.push({
      reason: `no contact for ${plural(input.daysSinceLastContact, 'day')}`,
      points: input.daysSinceLastContact > 2 * STALE_CONTACT_DAYS ? 10 : 5,
    });
  }
  if (input.previousApproachingStandards) {
    parts.push({ reason: 'last published Approaching Standards: must reach Standards Met', points: 15 });
  }
  if (input.overdueTasks > 0) {
    parts.push({ reason: plural(input.overdueTasks, 'overdue task'), points: 5 * input.overdueTasks });
  }
  return priorityOf(parts);
}

function priorityOf(parts: PriorityPart[]): Priority {
  return { score: parts.reduce((sum, part) => sum + part.points, 0), reasons: parts.map((part) => part.reason), parts };
}

/** The reasons as one line: "12 items left · 34 days to deadline · no contact for 60 days". */
export function priorityReasonLine(priority: Priority): string {
  return priority.reasons.join(' · ');
}
