import {
  AT_RISK_DEADLINE_DAYS,
  AT_RISK_PRIORITY_SCORE,
  AT_RISK_RULE,
  atRiskEmptyReason,
  isAtRisk,
  type RiskInput,
} from './caseload-risk';
import { triagePriority } from './triage-priority';

const base: RiskInput = { status: 'in_progress', priorityScore: 20, daysToDeadline: 200, mandatoryLeft: 10 };

describe('isAtRisk', () => {
  it.each<[string, Partial<RiskInput>, boolean]>([
    ['a calm provider far from the deadline', {}, false],
    ['a priority score at the threshold', { priorityScore: AT_RISK_PRIORITY_SCORE }, true],
    ['a priority score just below it', { priorityScore: AT_RISK_PRIORITY_SCORE - 1 }, false],
    ['items left on the 90th day before the deadline', { daysToDeadline: AT_RISK_DEADLINE_DAYS }, true],
    ['items left on the 91st day before the deadline', { daysToDeadline: AT_RISK_DEADLINE_DAYS + 1 }, false],
    ['items left after the deadline has passed', { daysToDeadline: -3 }, true],
    [
      'nothing left near the deadline (ready to publish)',
      { status: 'ready_to_publish', mandatoryLeft: 0, daysToDeadline: 10 },
      false,
    ],
    [
      'Approaching Standards published with items left near the deadline',
      { status: 'approaching_standards', daysToDeadline: 30 },
      true,
    ],
    [
      'Standards Met published, whatever the score',
      { status: 'standards_met', priorityScore: 99, daysToDeadline: 5 },
      false,
    ],
    ['Standards Exceeded published', { status: 'standards_exceeded', daysToDeadline: 5 }, false],
  ])('%s', (_label, change, expected) => {
    expect(isAtRisk({ ...base, ...change })).toBe(expected);
  });

  it('leaves out a provider that has not started in the autumn with no other warning, and takes it in when warnings add up', () => {
    const autumn = { status: 'not_started' as const, daysToDeadline: 215, mandatoryLeft: 43, overdueTasks: 0 };
    const neverContacted = triagePriority({
      ...autumn,
      daysSinceLastContact: null,
      previousApproachingStandards: false,
    });
    expect(isAtRisk({ ...autumn, priorityScore: neverContacted.score })).toBe(false);
    const repeatAs = triagePriority({ ...autumn, daysSinceLastContact: null, previousApproachingStandards: true });
    expect(isAtRisk({ ...autumn, priorityScore: repeatAs.score })).toBe(true);
  });
});

describe('AT_RISK_RULE and atRiskEmptyReason', () => {
  it('say the rule with the thresholds isAtRisk uses', () => {
    expect(AT_RISK_RULE).toBe(
      'Providers not yet published at Standards Met or above that have a priority of 60 or more, ' +
        'or that still have mandatory items left from 90 days before the deadline onwards.',
    );
  });

  it.each([
    [
      AT_RISK_DEADLINE_DAYS + 1,
      'No provider is at risk: none has a priority of 60 or more, and the last 90 days before the deadline have not begun.',
    ],
    [
      AT_RISK_DEADLINE_DAYS,
      'No provider is at risk: every provider has published at Standards Met or above, or has no mandatory items left.',
    ],
    [
      -2,
      'No provider is at risk: every provider has published at Standards Met or above, or has no mandatory items left.',
    ],
  ])('explains an empty view %i days from the deadline', (days, reason) => {
    expect(atRiskEmptyReason(days)).toBe(reason);
  });
});
