import type { Routes } from '@angular/router';
import { segmentIs } from '@dspt/web/core';
import { CampaignStepPage } from './campaigns/campaign-step-page';
import { CampaignsPage } from './campaigns/campaigns-page';

/**
 * An LSP's campaigns, under `/lsp/:slug/campaigns` (whose guard lets in its members): the reminder steps
 * of a cycle, and each step's audience and delivery log. Loaded lazily.
 */
export const campaignRoutes: Routes = [
  { path: '', component: CampaignsPage, title: 'Campaigns' },
  // A step is named by its days before the deadline; anything else is "Page not found".
  { path: ':offsetDays', component: CampaignStepPage, canMatch: [segmentIs(0, 'number')], title: 'Reminder step' },
];
