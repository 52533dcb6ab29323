import type { CompletionTrend } from '@dspt/contracts';
import { trendCells, trendLines } from './trend-table';

const counts = {
  not_started: 1,
  in_progress: 0,
  ready_to_publish: 0,
  approaching_standards: 0,
  standards_met: 1,
  standards_exceeded: 0,
};

describe('trendLines', () => {
  it('lines the cycles up by days before the deadline, saying where either has no snapshot or a hidden share', () => {
    const trend: CompletionTrend = {
      filters: {},
      targetShare: 0.7,
      current: {
        cycle: '2026-27',
        deadline: '2027-06-30',
        points: [{ day: '2026-11-24', daysToDeadline: 218, total: 2, counts, metOrAboveShare: 0.5, hidden: [] }],
      },
      previous: {
        cycle: '2025-26',
        deadline: '2026-06-30',
        points: [
          { day: '2025-11-24', daysToDeadline: 218, total: 4, counts, metOrAboveShare: 0.25, hidden: [] },
          {
            day: '2025-11-25',
            daysToDeadline: 217,
            total: null,
            counts: { ...counts, standards_met: null },
            metOrAboveShare: null,
            hidden: ['total', 'standards_met', 'metOrAboveShare'],
          },
        ],
      },
    };
    expect(trendLines(trend).map(trendCells)).toEqual([
      ['218', '2026-11-24', '50.0%', '2025-11-24', '25.0%'],
      ['217', '–', 'No snapshot', '2025-11-25', '[c]'],
    ]);
  });
});
