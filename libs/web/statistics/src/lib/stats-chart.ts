import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective } from 'ngx-echarts';

/**
 * A chart drawn by ECharts (SVG). Screen readers hear `summary` instead: every figure is in the table that
 * goes with each chart.
 */
@Component({
  selector: 'dspt-stats-chart',
  imports: [NgxEchartsDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .dspt-chart {
      width: 100%;
      min-height: 320px;
    }
  `,
  template: `<div
    class="dspt-chart"
    echarts
    [options]="options()"
    [style.height.px]="height()"
    role="img"
    [attr.aria-label]="summary()"
  ></div>`,
})
export class StatsChart {
  readonly options = input.required<EChartsCoreOption>();
  readonly summary = input.required<string>();
  readonly height = input(360);
}
