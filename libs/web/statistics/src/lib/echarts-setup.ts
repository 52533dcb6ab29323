import type { Provider } from '@angular/core';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * ECharts for the statistics pages only (their lazy chunk), with just what they draw: bars and lines,
 * axes, legend and tooltip, on the SVG renderer.
 */
export function provideStatisticsCharts(): Provider {
  return provideEchartsCore({
    echarts: async () => {
      const [core, charts, components, renderers] = await Promise.all([
        import('echarts/core'),
        import('echarts/charts'),
        import('echarts/components'),
        import('echarts/renderers'),
      ]);
      core.use([
        charts.BarChart,
        charts.LineChart,
        components.GridComponent,
        components.LegendComponent,
        components.TooltipComponent,
        renderers.SVGRenderer,
      ]);
      return core;
    },
  });
}
