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

export interface Priority {
  /** Higher is more urgent; 0 for providers already published at Standards Met or above. */
  score: number;
  /** Why, most important first: "12 items left", "34 days to deadline", "no contact for 60 days". */
  reasons: string[];
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
    return { score: 0, reasons: [input.status === 'standards_exceeded' ? 'Standards Exceeded published' : 'Standards Met published'] };
  }
  const reasons: string[] = [];
  const pressure = Math.min(1, Math.max(0, (PRESSURE_WINDOW_DAYS - input.daysToDeadline) / PRESSURE_WINDOW_DAYS));
  let score = input.mandatoryLeft * (1 + 2 * pressure);
  if (input.mandatoryLeft > 0) {
    reasons.push(`${plural(input.mandatoryLeft, 'item')} left`);
  } else if (input.status === 'ready_to_publish') {
    reasons.push('ready to publish');
  }
  if (input.daysToDeadline < 0) {
    reasons.push(`deadline passed ${plural(-input.daysToDeadline, 'day')} ago`);
  } else if (input.daysToDeadline === 0) {
    reasons.push('deadline today');
  } else {
    reasons.push(`${plural(input.daysToDeadline, 'day')} to deadline`);
  }
  if (input.daysSinceLastContact === null) {
    score += 10;
    reasons.push('never contacted');
  } else if (input.daysSinceLastContact > STALE_CONTACT_DAYS) {
    score += input.daysSinceLastContact > 2 * STALE_CONTACT_DAYS ? 10 : 5;
    reasons.push(`no contact for ${plural(input.daysSinceLastContact, 'day')}`);
  }
  if (input.previousApproachingStandards) {
    score += 15;
    reasons.push('last published Approaching Standards: must reach Standards Met');
  }
  if (input.overdueTasks > 0) {
    score += 5 * input.overdueTasks;
    reasons.push(plural(input.overdueTasks, 'overdue task'));
  }
  return { score: Math.round(score), reasons };
}

/** The reasons as one line: "12 items left · 34 days to deadline · no contact for 60 days". */
export function priorityReasonLine(priority: Priority): string {
  return priority.reasons.join(' · ');
}
