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

/** The rule of isAtRisk in words, for the caseload page; kept next to the rule so they change together. */
export const AT_RISK_RULE =
  `Providers not yet published at Standards Met or above that have a priority of ${AT_RISK_PRIORITY_SCORE} or more, ` +
  `or that still have mandatory items left from ${AT_RISK_DEADLINE_DAYS} days before the deadline onwards.`;

/** Why the "At risk" view is empty, in words, given how far the deadline is. */
export function atRiskEmptyReason(daysToDeadline: number): string {
  const inWindow = daysToDeadline <= AT_RISK_DEADLINE_DAYS;
  return inWindow
    ? `No provider is at risk: every provider has published at Standards Met or above, or has no mandatory items left.`
    : `No provider is at risk: none has a priority of ${AT_RISK_PRIORITY_SCORE} or more, and the last ${AT_RISK_DEADLINE_DAYS} days before the deadline have not begun.`;
}

/**
 * The "At risk" caseload view: not yet published at Standards Met or above, and either urgent by
 * priority or with items still open inside the last 90 days before the deadline.
 */
export function isAtRisk(input: RiskInput): boolean {
  if (isMetOrAbove(input.status)) {
    return false;
  }
  return (
    input.priorityScore >= AT_RISK_PRIORITY_SCORE ||
    (input.daysToDeadline <= AT_RISK_DEADLINE_DAYS && input.mandatoryLeft > 0)
  );
}
