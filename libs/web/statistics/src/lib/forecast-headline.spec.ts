import type { CompletionForecast, ForecastRow, PreviousCycleSnapshot } from '@dspt/contracts';
import { forecastHeadline, previousCycleSentence } from './forecast-headline';

const TOTAL: ForecastRow = {
  key: 'total',
  label: 'All providers',
  providers: 26_000,
  current: 0.3,
  projected: 0.64,
  low: 0.58,
  high: 0.69,
  method: 'lastCycleShape',
  providersShort: 1_560,
};

function answer(total: Partial<ForecastRow>): CompletionForecast {
  return {
    cycle: '2026-27',
    deadline: '2027-06-30',
    daysToDeadline: 205,
    target: 0.7,
    groupBy: 'region',
    previousCycle: '2025-26',
    rows: [],
    total: { ...TOTAL, ...total },
  };
}

describe('forecastHeadline', () => {
  it.each([
    [{}, 'At this pace, 64.0% (58.0% to 69.0%) by 30 June 2027: about 1,560 providers short of the 70.0% target.'],
    [
      { providersShort: 1 },
      'At this pace, 64.0% (58.0% to 69.0%) by 30 June 2027: about 1 provider short of the 70.0% target.',
    ],
    [
      { projected: 0.72, low: 0.7, high: 0.75, providersShort: 0 },
      'At this pace, 72.0% (70.0% to 75.0%) by 30 June 2027: enough to reach the 70.0% target.',
    ],
    [
      { method: 'linearPace' as const },
      'At this pace, 64.0% (58.0% to 69.0%) by 30 June 2027: about 1,560 providers short of the 70.0% target. (No earlier cycle to compare with: this carries on the pace of the last four weeks, so the range is wide.)',
    ],
    [{ method: 'final' as const, projected: 0.66 }, 'Final share by 30 June 2027: 66.0%.'],
    [{ current: null, projected: null, low: null, high: null, method: null, providersShort: null }, null],
  ])('%j', (total, sentence) => {
    expect(forecastHeadline(answer(total))).toBe(sentence);
  });
});

describe('previousCycleSentence', () => {
  const previous: PreviousCycleSnapshot = {
    cycle: '2025-26',
    day: '2025-11-25',
    daysToDeadline: 217,
    available: true,
    message: 'from the api',
  };
  it.each([
    [previous, "Compared with 2025-26 on 25 November 2025, 217 days before its deadline, from that day's snapshot."],
    [
      { ...previous, available: false },
      'No snapshot of 2025-26 was taken 217 days before its deadline (25 November 2025), so there is nothing to compare with.',
    ],
    [{ ...previous, cycle: null, day: null, available: false }, 'There is no cycle before 2026-27 to compare with.'],
  ])('%j', (snapshot, sentence) => {
    expect(previousCycleSentence(snapshot, '2026-27')).toBe(sentence);
  });
});
