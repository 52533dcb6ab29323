import type { Routes } from '@angular/router';
import { provideStatisticsCharts } from './echarts-setup';
import { StatisticsPage } from './statistics-page';

/**
 * The statistics page, loaded lazily with its charts: at `/statistics` for programme leads and at
 * `/lsp/:slug/statistics` for an LSP's users (the app's routes guard each), across the window's full width.
 */
export const statisticsRoutes: Routes = [
  {
    path: '',
    component: StatisticsPage,
    providers: [provideStatisticsCharts()],
    title: 'Statistics',
    // Wide tables: the page uses the whole window (the shell reads this), so no share sits off screen.
    data: { fullWidth: true },
  },
];
