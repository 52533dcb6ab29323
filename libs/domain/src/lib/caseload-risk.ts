import { isMetOrAbove, type ProviderStatus } from './provider-status';

/**
 * A priority score this high means an adviser should look now, whatever the date. It is reached by a
 * provider with most items left once the deadline pressure starts (the last 120 days), or earlier when
 * other warnings add up: e.g. 43 items left, never contacted and a previous Approaching Standards
 * publication (43 + 10 + 15 = 68), but not 43 items left and never contacted alone (53) in the autumn.
 */
export const AT_RISK_PRIORITY_SCORE = 60;

/** Within this many days of the deadline (the DSPT team's own reminder point), any item left is a risk. */
export const AT_RISK_DEADLINE_DAYS = 90;

export interface RiskInput {
  status: ProviderStatus;
  /** From triagePriority. */
  priorityScore: number;
  daysToDeadline: number;
  mandatoryLeft: number;
}

/**
 * The "At risk" caseload view: not yet published at Standards Met or above, and either urgent by
 * priority or with items still open inside the last 90 days before the deadline.
 */
export function isAtRisk(input: RiskInput): boolean {
  if (isMetOrAbove(input.status)) {
    return false;
  }
  return input.priorityScore >= AT_RISK_PRIORITY_SCORE || (input.daysToDeadline <= AT_RISK_DEADLINE_DAYS && input.mandatoryLeft > 0);
}
