import type { CompletionRow, CompletionTrend } from '@dspt/contracts';
import { barChartSummary, stackedBarOptions, trendOptions } from './chart-options';

const row = (label: string, met: number, total: number): CompletionRow => ({
  key: label,
  label,
  total,
  counts: {
    not_started: total - met,
    in_progress: 0,
    ready_to_publish: 0,
    approaching_standards: 0,
    standards_met: met,
    standards_exceeded: 0,
  },
  hidden: [],
  metOrAboveShare: total ? met / total : null,
  medianMandatoryCompleted: null,
  previous: null,
});

describe('chart options', () => {
  it('stacks each status as a share of its group, one bar per row', () => {
    const options = stackedBarOptions([row('London', 1, 3), row('Empty', 0, 0)]) as {
      yAxis: { data: string[] };
      series: Array<{ name: string; stack: string; data: number[] }>;
    };
    expect(options.yAxis.data).toEqual(['London', 'Empty']);
    expect(options.series.map((series) => series.name)).toEqual([
      'Not started',
      'In progress',
      'Ready to publish',
      'Approaching Standards',
      'Standards Met',
      'Standards Exceeded',
    ]);
    expect(options.series[0].data).toEqual([66.7, 0]);
    expect(options.series[4].data).toEqual([33.3, 0]);
    expect(new Set(options.series.map((series) => series.stack)).size).toBe(1);
  });

  it('draws this cycle, last cycle and the target against days before the deadline', () => {
    const point = (days: number, share: number | null) => ({
      day: 'x',
      daysToDeadline: days,
      total: 1,
      counts: row('x', 0, 1).counts,
      metOrAboveShare: share,
      hidden: [],
    });
    const trend: CompletionTrend = {
      filters: {},
      targetShare: 0.7,
      current: { cycle: '2026-27', deadline: '2027-06-30', points: [point(300, 0.1), point(299, null)] },
      previous: { cycle: '2025-26', deadline: '2026-06-30', points: [point(300, 0.05)] },
    };
    const options = trendOptions(trend) as { series: Array<{ name: string; data: number[][] }> };
    expect(options.series.map((series) => [series.name, series.data])).toEqual([
      ['2026-27 (this cycle)', [[300, 10]]],
      ['2025-26 (last cycle)', [[300, 5]]],
      [
        'Target (70.0%)',
        [
          [365, 70],
          [0, 70],
        ],
      ],
    ]);
  });

  it('sums a chart up in one sentence', () => {
    expect(barChartSummary('By region', [row('London', 1, 4), row('North East', 3, 4)])).toContain('North East, 75.0%');
    expect(barChartSummary('By region', [])).toBe('By region: no providers.');
  });
});
