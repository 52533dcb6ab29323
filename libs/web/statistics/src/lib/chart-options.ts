import type { CompletionRow, CompletionTrend } from '@dspt/contracts';
import { PROVIDER_STATUSES, type ProviderStatus, sharePercent } from '@dspt/domain';
import { PROVIDER_STATUS_LABELS } from '@dspt/web/core';
import type { EChartsCoreOption } from 'echarts/core';
import { percent } from './figures-table';

/** NHS.UK colours, grey for not begun through to green for done (as the status tags). */
export const STATUS_COLOURS: Readonly<Record<ProviderStatus, string>> = {
  not_started: '#768692',
  in_progress: '#005eb8',
  ready_to_publish: '#330072',
  approaching_standards: '#ed8b00',
  standards_met: '#007f3b',
  standards_exceeded: '#00a499',
};

const TEXT = { fontFamily: 'Frutiger W01, Arial, sans-serif', color: '#212b32' };

/** Horizontal stacked bars: one bar per group, a segment per status, as a share of the group's providers. */
export function stackedBarOptions(rows: readonly CompletionRow[]): EChartsCoreOption {
  const labels = rows.map((row) => row.label);
  return {
    textStyle: TEXT,
    animation: false,
    legend: { top: 0, textStyle: TEXT },
    grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => `${value}%` },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    // Top to bottom in the table's order.
    yAxis: { type: 'category', data: labels, inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    series: PROVIDER_STATUSES.map((status) => ({
      name: PROVIDER_STATUS_LABELS[status],
      type: 'bar',
      stack: 'providers',
      itemStyle: { color: STATUS_COLOURS[status] },
      // A hidden figure draws nothing; the table beside the chart marks it.
      data: rows.map((row) =>
        !row.total || row.counts[status] === null ? 0 : sharePercent((row.counts[status] ?? 0) / row.total),
      ),
    })),
  };
}

/** Share at Standards Met or above by days before the deadline: this cycle, last cycle, and the target. */
export function trendOptions(trend: CompletionTrend): EChartsCoreOption {
  const line = (points: CompletionTrend['current']['points']) =>
    points
      .filter((point) => point.metOrAboveShare !== null)
      .map((point) => [point.daysToDeadline, sharePercent(point.metOrAboveShare ?? 0)]);
  return {
    textStyle: TEXT,
    animation: false,
    legend: { top: 0, textStyle: TEXT },
    grid: { left: 8, right: 24, top: 48, bottom: 32, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value}%` },
    // The deadline on the right: days to go count down to 0.
    xAxis: {
      type: 'value',
      inverse: true,
      min: 0,
      max: 365,
      name: 'Days before the deadline',
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: `${trend.current.cycle} (this cycle)`,
        type: 'line',
        showSymbol: false,
        itemStyle: { color: '#005eb8' },
        lineStyle: { width: 3 },
        data: line(trend.current.points),
      },
      ...(trend.previous
        ? [
            {
              name: `${trend.previous.cycle} (last cycle)`,
              type: 'line',
              showSymbol: false,
              itemStyle: { color: '#768692' },
              lineStyle: { type: 'dashed', width: 2 },
              data: line(trend.previous.points),
            },
          ]
        : []),
      {
        name: `Target (${percent(trend.targetShare)})`,
        type: 'line',
        showSymbol: false,
        itemStyle: { color: '#d5281b' },
        lineStyle: { type: 'dotted', width: 2 },
        data: [
          [365, trend.targetShare * 100],
          [0, trend.targetShare * 100],
        ],
      },
    ],
  };
}

/** One sentence a screen reader hears instead of the chart; the table beside it has every figure. */
export function barChartSummary(title: string, rows: readonly CompletionRow[]): string {
  if (rows.length === 0) {
    return `${title}: no providers.`;
  }
  const best = [...rows].sort((a, b) => (b.metOrAboveShare ?? -1) - (a.metOrAboveShare ?? -1))[0];
  return `${title}: providers in each status as a share of each group. Highest share at Standards Met or above: ${best.label}, ${percent(best.metOrAboveShare)}. The table that follows has every figure.`;
}
